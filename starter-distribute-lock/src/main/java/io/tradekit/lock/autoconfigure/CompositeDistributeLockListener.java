package io.tradekit.lock.autoconfigure;

import io.tradekit.lock.DistributeLockListener;
import io.tradekit.lock.DistributeLockLostEvent;
import java.util.List;

/** Calls each of several {@link DistributeLockListener}s in order. */
final class CompositeDistributeLockListener implements DistributeLockListener {

    private final DistributeLockListener[] listeners;

    CompositeDistributeLockListener(List<DistributeLockListener> listeners) {
        this.listeners = listeners.toArray(new DistributeLockListener[0]);
    }

    @Override
    public void onWait(String scene, boolean acquired, long waitNanos) {
        for (DistributeLockListener listener : listeners) {
            listener.onWait(scene, acquired, waitNanos);
        }
    }

    @Override
    public void onReleased(String scene, long heldNanos) {
        for (DistributeLockListener listener : listeners) {
            listener.onReleased(scene, heldNanos);
        }
    }

    @Override
    public void onFailure(String scene, Failure failure) {
        for (DistributeLockListener listener : listeners) {
            listener.onFailure(scene, failure);
        }
    }

    @Override
    public void onLockLost(DistributeLockLostEvent event) {
        for (DistributeLockListener listener : listeners) {
            listener.onLockLost(event);
        }
    }
}
