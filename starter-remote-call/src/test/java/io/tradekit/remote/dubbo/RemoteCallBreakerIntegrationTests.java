package io.tradekit.remote.dubbo;

import static io.tradekit.devservices.fault.Latencies.percentileMs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.tradekit.core.degrade.ServerBreaker;
import io.tradekit.core.degrade.ServerBreakers;
import io.tradekit.core.degrade.ServerUnavailableException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.response.SingleResponse;
import io.tradekit.facade.dubbo.api.CreateOrderRequest;
import io.tradekit.facade.dubbo.api.OrderTestFacade;
import io.tradekit.facade.dubbo.provider.OrderTestFacadeImpl;
import io.tradekit.remote.RemoteCallException;
import io.tradekit.devservices.support.FreePorts;
import io.tradekit.remote.RemoteCallWrapper;
import io.tradekit.remote.autoconfigure.RemoteCallAutoConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.dubbo.rpc.RpcException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real Dubbo consumer whose provider goes away (its context closed: it unregisters from the
 * ZooKeeper dev service and its port closes): the first calls fail with a server fault and answer
 * SERVICE_UNAVAILABLE, then the {@code orders} breaker opens and refuses calls without invoking the
 * reference; a provider started again is called once the breaker has probed it. Failed answers of a
 * live provider never open the breaker.
 */
class RemoteCallBreakerIntegrationTests {

    static final String SERVER = "orders";
    static final int MINIMUM_CALLS = 3;
    static final int HALF_OPEN_CALLS = 1;
    /** Calls tried while the provider is gone: bounded, and all but the first few must be refused. */
    static final int CALLS_WHILE_GONE = 200;

    @Test
    void callsAreRefusedFastWhileTheProviderIsGoneAndGoThroughAgainWhenItIsBack() {
        // The consumer first: the first Dubbo context of a JVM takes Dubbo's default application model,
        // which a closed context destroys for good; the providers started later get models of their own.
        ConfigurableApplicationContext provider = null;
        try (ConfigurableApplicationContext consumer = new SpringApplicationBuilder(
                RemoteCallOverDubboIntegrationTests.ConsumerApp.class).web(WebApplicationType.NONE)
                .properties(RemoteCallOverDubboIntegrationTests.COMMON)
                .properties("dubbo.application.name=remote-breaker-consumer",
                        "tradekit.degrade.servers." + SERVER + ".minimum-calls=" + MINIMUM_CALLS,
                        "tradekit.degrade.servers." + SERVER + ".window-size=" + MINIMUM_CALLS,
                        "tradekit.degrade.servers." + SERVER + ".open-duration=2s",
                        "tradekit.degrade.servers." + SERVER + ".half-open-calls=" + HALF_OPEN_CALLS)
                .run()) {
            OrderTestFacade facade = consumer.getBean(OrderTestFacade.class);
            ServerBreaker breaker = consumer.getBean(ServerBreakers.class).breaker(SERVER);
            AtomicInteger invoked = new AtomicInteger();
            provider = startProvider();
            ProviderWaits.awaitProvider(facade);
            assertThat(call(facade, invoked, CreateOrderRequest.valid()).getData()).isEqualTo("order-b-1");
            // The provider's refusals are answers: they never count against it.
            CreateOrderRequest invalid = CreateOrderRequest.valid();
            invalid.setBuyerId("");
            for (int i = 0; i < 2 * MINIMUM_CALLS; i++) {
                assertThatThrownBy(() -> call(facade, invoked, invalid)).isInstanceOfSatisfying(
                        RemoteCallException.class, e -> assertThat(e.getRemoteCode()).isEqualTo("PARAM_INVALID"));
            }
            assertThat(breaker.state()).isEqualTo("CLOSED");

            provider.close();
            provider = null;
            // In one JVM the consumer's and provider's Dubbo share a server port, which stays open: until the
            // registry's notice arrives the old address answers "Not found exported service". A provider
            // process that is gone leaves "No provider available" (or a refused connection) alone.
            awaitNoProvider(facade);
            List<Long> refusedNanos = new ArrayList<>();
            List<Long> failedNanos = new ArrayList<>();
            long refusedBefore = breaker.refusedCalls();
            int invokedBefore = invoked.get();
            long goneAt = System.nanoTime();
            long firstRefusalAt = 0;
            for (int i = 0; i < CALLS_WHILE_GONE; i++) {
                long start = System.nanoTime();
                try {
                    call(facade, invoked, CreateOrderRequest.valid());
                    fail("call " + i + " succeeded while the provider was gone");
                } catch (ServerUnavailableException e) {
                    long elapsed = System.nanoTime() - start;
                    assertThat(e.getErrorCode()).isEqualTo(CommonErrorCode.SERVICE_UNAVAILABLE);
                    assertThat(e.getServer()).isEqualTo(SERVER);
                    if (e.isRefused()) {
                        refusedNanos.add(elapsed);
                        if (firstRefusalAt == 0) {
                            firstRefusalAt = System.nanoTime();
                        }
                    } else {
                        assertThat(e.getCause()).isInstanceOf(RpcException.class);
                        failedNanos.add(elapsed);
                    }
                }
            }
            // Only the calls that opened the breaker (and, should open-duration pass mid-loop, a probe
            // round) invoked the Dubbo reference; every other one was refused before it.
            assertThat(invoked.get() - invokedBefore).as("calls that reached the Dubbo reference")
                    .isEqualTo(failedNanos.size()).isBetween(1, MINIMUM_CALLS + 2 * HALF_OPEN_CALLS);
            assertThat(breaker.refusedCalls() - refusedBefore).isEqualTo(refusedNanos.size())
                    .isEqualTo(CALLS_WHILE_GONE - failedNanos.size());

            provider = startProvider();
            long backAt = System.nanoTime();
            int tries = 0;
            SingleResponse<String> recovered = null;
            // Bounded: 60 s of tries 100 ms apart (the consumer learns the new address from ZooKeeper).
            while (recovered == null && System.nanoTime() - backAt < TimeUnit.SECONDS.toNanos(60)) {
                tries++;
                try {
                    recovered = call(facade, invoked, CreateOrderRequest.valid());
                } catch (ServerUnavailableException e) {
                    ProviderWaits.sleep(100);
                }
            }
            assertThat(recovered).as("a call succeeds within 60 s of the provider's return").isNotNull();
            long recoveredAt = System.nanoTime();
            assertThat(recovered.getData()).isEqualTo("order-b-1");
            assertThat(call(facade, invoked, CreateOrderRequest.valid()).isSuccess()).isTrue();
            assertThat(breaker.state()).isEqualTo("CLOSED");

            System.out.printf("RemoteCallBreakerIntegrationTests: %d calls while the provider was gone: %d reached "
                            + "Dubbo (ms: %s), %d refused (p50 %.3f ms, p99 %.3f ms, max %.3f ms); first refusal %d ms "
                            + "after the provider closed; recovered %d ms after it started again, in %d tries%n",
                    CALLS_WHILE_GONE, failedNanos.size(), failedNanos.stream().map(n -> n / 1_000_000).toList(),
                    refusedNanos.size(), percentileMs(refusedNanos, 50), percentileMs(refusedNanos, 99),
                    percentileMs(refusedNanos, 100), (firstRefusalAt - goneAt) / 1_000_000,
                    (recoveredAt - backAt) / 1_000_000, tries);
        } finally {
            if (provider != null) {
                provider.close();
            }
        }
    }

    private static SingleResponse<String> call(OrderTestFacade facade, AtomicInteger invoked,
                                               CreateOrderRequest request) {
        return RemoteCallWrapper.call(SERVER, r -> {
            invoked.incrementAndGet();
            return facade.create(r);
        }, request, "createOrder");
    }

    /** Calls the reference directly until Dubbo says no provider is registered: bounded, 60 s. */
    private static void awaitNoProvider(OrderTestFacade facade) {
        long start = System.nanoTime();
        while (true) {
            try {
                facade.create(CreateOrderRequest.valid());
            } catch (RpcException e) {
                if (e.getCode() == RpcException.FORBIDDEN_EXCEPTION
                        || e.getCode() == RpcException.NO_INVOKER_AVAILABLE_AFTER_FILTER) {
                    return;
                }
            }
            if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(60)) {
                throw new AssertionError("the consumer still had a provider 60 s after it closed");
            }
            ProviderWaits.sleep(50);
        }
    }

    private static ConfigurableApplicationContext startProvider() {
        return new SpringApplicationBuilder(RemoteCallOverDubboIntegrationTests.ProviderApp.class)
                .web(WebApplicationType.NONE).properties(RemoteCallOverDubboIntegrationTests.COMMON)
                .properties("dubbo.application.name=remote-breaker-provider",
                        "dubbo.scan.base-packages=" + OrderTestFacadeImpl.class.getPackageName(),
                        // The wrapper's settings are one slot per JVM: a provider context would replace the
                        // consumer's (and restore the defaults, without breakers, when it closes).
                        "spring.autoconfigure.exclude=" + RemoteCallAutoConfiguration.class.getName(),
                        // A port of its own: Dubbo keeps one server per port in the JVM, whose executors
                        // belong to the closed provider's (destroyed) application model.
                        "dubbo.protocol.port=" + FreePorts.next())
                .run();
    }

}
