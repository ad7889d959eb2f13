package io.tradekit.sample.nft.order.job;

import io.tradekit.sample.nft.order.application.CloseUnpaidService;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes orders left unpaid longer than {@code sample.order.pay-timeout} (default 15 minutes), each
 * through the cancel message so its stock comes back. One instance of the cluster runs it at a time (lock
 * {@value #LOCK}); the conditional state change would keep two runs from closing one order twice, but not
 * from sending its cancel message twice and doubling the database's work.
 */
@Component
public class CloseUnpaidOrdersJob {

    private static final Logger log = LoggerFactory.getLogger(CloseUnpaidOrdersJob.class);
    private static final int BATCH = 200;

    /** The job's lock name (shared.job). */
    static final String LOCK = "close-unpaid-orders";

    private final CloseUnpaidService closer;
    private final Duration payTimeout;

    public CloseUnpaidOrdersJob(CloseUnpaidService closer, @Value("${sample.order.pay-timeout:PT15M}") Duration payTimeout) {
        this.closer = closer;
        this.payTimeout = payTimeout;
    }

    @Scheduled(fixedDelayString = "${sample.order.close-interval:PT30S}",
            initialDelayString = "${sample.order.close-interval:PT30S}")
    // At most 5 minutes: a batch of 200 cancel messages takes seconds; a dead holder delays closing by at most
    // that, well inside the 15-minute pay timeout. At least 20 s, under the 30 s interval: the instances'
    // schedules are not aligned, and without it each of N instances would run a batch every interval.
    @SchedulerLock(name = LOCK,
            lockAtMostFor = "${sample.jobs.close-unpaid-orders.lock-at-most-for:PT5M}",
            lockAtLeastFor = "${sample.jobs.close-unpaid-orders.lock-at-least-for:PT20S}")
    public void run() {
        int closed = closeUnpaidAt(Instant.now());
        if (closed > 0) {
            log.info("Closed {} unpaid orders", closed);
        }
    }

    /** Closes the orders that are past the timeout at {@code now}; returns how many. */
    public int closeUnpaidAt(Instant now) {
        return closer.closeUnpaidBefore(now.minus(payTimeout), BATCH);
    }
}
