package io.tradekit.sample.nft.chain.job;

import io.tradekit.sample.nft.chain.application.ChainCommandService;
import io.tradekit.sample.nft.chain.application.ChainProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** Seals pending transactions every {@code sample.chain.seal-interval}, so a block never waits to fill. */
@Component
class SealBlocksJob implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SealBlocksJob.class);

    private final ChainCommandService commands;
    private final ChainProperties properties;

    SealBlocksJob(ChainCommandService commands, ChainProperties properties) {
        this.commands = commands;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::run, properties.getSealInterval(),
                properties.getSealInterval()));
    }

    /** One run: seals everything pending. */
    int run() {
        try {
            return commands.sealPending();
        } catch (RuntimeException e) {
            log.warn("Sealing pending transactions failed; retrying next interval", e);
            return 0;
        }
    }
}
