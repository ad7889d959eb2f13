package io.tradekit.sample.nft.chain.job;

import io.tradekit.sample.nft.chain.application.ChainProperties;
import io.tradekit.sample.nft.chain.application.ChainQueryService;
import io.tradekit.sample.nft.chain.application.ChainVerificationDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Re-hashes the whole ledger every {@code sample.chain.verify-interval} and reports every block
 * whose stored transactions or header no longer hash as sealed (an ERROR line per block).
 */
@Component
public class VerifyChainJob implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(VerifyChainJob.class);

    private final ChainQueryService queries;
    private final ChainProperties properties;

    VerifyChainJob(ChainQueryService queries, ChainProperties properties) {
        this.queries = queries;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::runQuietly, properties.getVerifyInterval(),
                properties.getVerifyInterval()));
    }

    /**
     * One run.
     *
     * @return the report, also logged
     */
    public ChainVerificationDTO run() {
        ChainVerificationDTO report = queries.verifyChain();
        if (report.valid()) {
            log.info("Chain verified: {} block(s) intact", report.blocksChecked());
        } else {
            report.problems().forEach(problem -> log.error("Chain tampered at block {}", problem));
        }
        return report;
    }

    private void runQuietly() {
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("Chain verification could not run; retrying next interval", e);
        }
    }
}
