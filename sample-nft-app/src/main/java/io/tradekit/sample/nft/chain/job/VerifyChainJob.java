package io.tradekit.sample.nft.chain.job;

import io.tradekit.sample.nft.chain.application.ChainQueryService;
import io.tradekit.sample.nft.chain.application.ChainVerificationDTO;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-hashes the whole ledger every {@code sample.chain.verify-interval} and reports every block
 * whose stored transactions or header no longer hash as sealed (an ERROR line per block). One instance of
 * the cluster verifies at a time (lock {@value #LOCK}): each pass reads the whole ledger.
 */
@Component
public class VerifyChainJob {

    /** The job's lock name (shared.job). */
    static final String LOCK = "verify-chain";

    private static final Logger log = LoggerFactory.getLogger(VerifyChainJob.class);

    private final ChainQueryService queries;

    VerifyChainJob(ChainQueryService queries) {
        this.queries = queries;
    }

    /**
     * The scheduled entry (the interval is {@code ChainProperties.verifyInterval}'s key). At most 30
     * minutes: a pass re-hashes every block, growing with the ledger. At least 5 minutes, under the
     * 10-minute interval: one pass per interval in the cluster.
     */
    @Scheduled(fixedDelayString = "${sample.chain.verify-interval:10m}",
            initialDelayString = "${sample.chain.verify-interval:10m}")
    @SchedulerLock(name = LOCK,
            lockAtMostFor = "${sample.jobs.verify-chain.lock-at-most-for:PT30M}",
            lockAtLeastFor = "${sample.jobs.verify-chain.lock-at-least-for:PT5M}")
    public void verifyOnSchedule() {
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("Chain verification could not run; retrying next interval", e);
        }
    }

    /**
     * One run, unguarded: for tests and callers that want the report now.
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
}
