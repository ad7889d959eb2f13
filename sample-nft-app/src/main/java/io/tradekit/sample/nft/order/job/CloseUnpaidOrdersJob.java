package io.tradekit.sample.nft.order.job;

import io.tradekit.sample.nft.order.application.CloseUnpaidService;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes orders left unpaid longer than {@code sample.order.pay-timeout} (default 15 minutes), each
 * through the cancel message so its stock comes back. Every instance may run it: the conditional
 * state change lets only one close an order.
 */
@Component
public class CloseUnpaidOrdersJob {

    private static final Logger log = LoggerFactory.getLogger(CloseUnpaidOrdersJob.class);
    private static final int BATCH = 200;

    private final CloseUnpaidService closer;
    private final Duration payTimeout;

    public CloseUnpaidOrdersJob(CloseUnpaidService closer, @Value("${sample.order.pay-timeout:PT15M}") Duration payTimeout) {
        this.closer = closer;
        this.payTimeout = payTimeout;
    }

    @Scheduled(fixedDelayString = "${sample.order.close-interval:PT30S}",
            initialDelayString = "${sample.order.close-interval:PT30S}")
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
