package io.tradekit.remote.dubbo;

import io.tradekit.facade.dubbo.api.CreateOrderRequest;
import io.tradekit.facade.dubbo.api.OrderTestFacade;
import java.util.concurrent.TimeUnit;
import org.apache.dubbo.rpc.RpcException;

/** Bounded waits on a Dubbo consumer's view of its provider, shared by the Dubbo tests of this package. */
final class ProviderWaits {

    private ProviderWaits() {
    }

    /**
     * Calls the reference directly (not through the wrapper or a breaker) until the consumer knows the
     * provider; fails after 60 s with "not within the bound of this wait".
     */
    static void awaitProvider(OrderTestFacade facade) {
        long start = System.nanoTime();
        while (true) {
            try {
                facade.create(CreateOrderRequest.valid());
                return;
            } catch (RpcException e) {
                if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(60)) {
                    throw new AssertionError("the consumer found no provider within the bound of this wait (60 s)", e);
                }
                sleep(100);
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
