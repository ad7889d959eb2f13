package io.tradekit.lock.autoconfigure;

import io.tradekit.lock.DistributeLockListener;
import io.tradekit.lock.DistributeLockLostEvent;
import org.springframework.context.ApplicationEventPublisher;

/** Publishes each {@link DistributeLockLostEvent} as a Spring application event. */
final class EventPublishingDistributeLockListener implements DistributeLockListener {

    private final ApplicationEventPublisher publisher;

    EventPublishingDistributeLockListener(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void onLockLost(DistributeLockLostEvent event) {
        publisher.publishEvent(event);
    }
}
