package io.tradekit.sample.nft.chain.job;

import io.tradekit.sample.nft.chain.application.ChainCommandService;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Seals pending transactions every {@code sample.chain.seal-interval}, so a block never waits to fill. One
 * instance of the cluster seals at a time (lock {@value #LOCK}): the chain head's row lock already keeps two
 * sealers from writing one height, but without the job lock every instance would take that row lock every
 * interval and wait on the others.
 */
@Component
class SealBlocksJob {

    /** The job's lock name (shared.job). */
    static final String LOCK = "seal-blocks";

    private static final Logger log = LoggerFactory.getLogger(SealBlocksJob.class);

    private final ChainCommandService commands;

    SealBlocksJob(ChainCommandService commands) {
        this.commands = commands;
    }

    /**
     * The scheduled entry (the interval is {@code ChainProperties.sealInterval}'s key). At most 1 minute:
     * a seal hashes at most the pending transactions of a few seconds; a dead holder stops sealing for at
     * most that long. At least 1 second, under the 2-second interval: about one seal per interval in the
     * cluster, so blocks are not cut smaller because N instances seal in turn.
     */
    @Scheduled(fixedDelayString = "${sample.chain.seal-interval:2s}",
            initialDelayString = "${sample.chain.seal-interval:2s}")
    @SchedulerLock(name = LOCK,
            lockAtMostFor = "${sample.jobs.seal-blocks.lock-at-most-for:PT1M}",
            lockAtLeastFor = "${sample.jobs.seal-blocks.lock-at-least-for:PT1S}")
    public void sealOnSchedule() {
        run();
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
