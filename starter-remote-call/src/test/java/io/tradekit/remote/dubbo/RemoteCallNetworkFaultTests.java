package io.tradekit.remote.dubbo;

import static io.tradekit.devservices.fault.Latencies.percentileMs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.tradekit.core.degrade.ServerBreaker;
import io.tradekit.core.degrade.ServerBreakers;
import io.tradekit.core.degrade.ServerUnavailableException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.devservices.fault.Direction;
import io.tradekit.devservices.fault.FaultProxy;
import io.tradekit.devservices.support.FreePorts;
import io.tradekit.facade.dubbo.api.CreateOrderRequest;
import io.tradekit.facade.dubbo.api.OrderTestFacade;
import io.tradekit.facade.dubbo.provider.OrderTestFacadeImpl;
import io.tradekit.remote.RemoteCallWrapper;
import io.tradekit.remote.RemoteFaults;
import io.tradekit.remote.autoconfigure.RemoteCallAutoConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.apache.dubbo.rpc.RpcException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Network faults between a real Dubbo consumer and a live provider (issue 19): the consumer reaches the
 * provider through a {@link FaultProxy}, which slows, swallows or cuts the traffic while both sides keep
 * running. Calls go through {@code RemoteCallWrapper.call("goods", ...)}, as the sample's goods calls do.
 *
 * <p>The provider registers the proxy's port in ZooKeeper ({@code DUBBO_DUBBO_PORT_TO_REGISTRY}, read by
 * Dubbo's {@code ServiceConfig} when it exports, as a provider behind NAT or a proxy announces itself):
 * the consumer finds it through the registry as in production, and the only way to the provider it knows
 * is the proxy. A group of this test's own keeps any other provider of the JVM out of its directory.
 *
 * <p>Invariants: a fault makes calls fail as server faults (SERVICE_UNAVAILABLE, a Dubbo timeout or
 * network error as the cause) within the consumer's timeout; after at most {@code minimum-calls} of them
 * (the window still holds the success before the fault) the breaker opens and refuses every call without invoking the reference, so the provider runs nothing; after
 * the heal and the open duration calls go through again with nothing restarted; and each call that
 * reached Dubbo ran at most once on the provider ({@code retries=0}: a timed-out write is not resent).
 *
 * <p>After a cut, Dubbo drops the provider from the consumer's directory ("No provider available after
 * connectivity filter") and opens a connection again only on its client reconnect task, once a minute by
 * default: the heal is seen up to that long after the network is back, the breaker refusing meanwhile.
 * The provider's server binds 0.0.0.0 as in the other Dubbo tests (Dubbo refuses 127.0.0.1 as
 * {@code DUBBO_IP_TO_BIND}); every address announced and called is 127.0.0.1.
 */
class RemoteCallNetworkFaultTests {

    static final String SERVER = "goods";
    static final String GROUP = "network-fault";
    static final int MINIMUM_CALLS = 3;
    static final int HALF_OPEN_CALLS = 1;
    static final Duration OPEN_DURATION = Duration.ofSeconds(2);
    /** The consumer's Dubbo timeout; the latency fault delays replies well beyond it. */
    static final int TIMEOUT_MS = 500;
    static final Duration LATENCY = Duration.ofMillis(1_500);
    /** Calls tried during a fault: bounded, all but the first few must be refused. */
    static final int CALLS_DURING_FAULT = 200;
    /** After a latency or a blackhole the connection is still there: open duration and a probe. */
    static final Duration HEAL_BOUND = Duration.ofSeconds(30);
    /**
     * After a cut the consumer has no connection until Dubbo's client reconnect task runs again, once per
     * max(idle timeout / 3, 60 s) by default (HeaderExchangeClient): two reconnect periods and a margin.
     */
    static final Duration RECONNECT_BOUND = Duration.ofSeconds(150);
    /** Dubbo's per-protocol variant of DUBBO_PORT_TO_REGISTRY (ServiceConfig#getValueFromConfig). */
    static final String PORT_TO_REGISTRY = "DUBBO_DUBBO_PORT_TO_REGISTRY";

    private static ConfigurableApplicationContext consumer;
    private static ConfigurableApplicationContext provider;
    private static FaultProxy proxy;
    private static OrderTestFacade facade;
    private static ServerBreaker breaker;

    /** Calls that reached the Dubbo reference (the breaker let them through). */
    private final AtomicInteger invoked = new AtomicInteger();

    @BeforeAll
    static void start() {
        // The consumer first: the first Dubbo context of a JVM takes Dubbo's default application model
        // (see RemoteCallBreakerIntegrationTests).
        consumer = new SpringApplicationBuilder(RemoteCallOverDubboIntegrationTests.ConsumerApp.class)
                .web(WebApplicationType.NONE).properties(common())
                .properties("dubbo.application.name=remote-netfault-consumer",
                        "dubbo.consumer.group=" + GROUP,
                        "dubbo.consumer.timeout=" + TIMEOUT_MS,
                        // What the sample sets: a call that timed out may have run; Dubbo's default (2)
                        // would send it again to the same provider.
                        "dubbo.consumer.retries=0",
                        "tradekit.degrade.servers." + SERVER + ".minimum-calls=" + MINIMUM_CALLS,
                        "tradekit.degrade.servers." + SERVER + ".window-size=" + MINIMUM_CALLS,
                        "tradekit.degrade.servers." + SERVER + ".open-duration=" + OPEN_DURATION.toSeconds() + "s",
                        "tradekit.degrade.servers." + SERVER + ".half-open-calls=" + HALF_OPEN_CALLS)
                .run();
        facade = consumer.getBean(OrderTestFacade.class);
        breaker = consumer.getBean(ServerBreakers.class).breaker(SERVER);

        int providerPort = FreePorts.next();
        proxy = FaultProxy.start(FreePorts.LOOPBACK, providerPort);
        System.setProperty(PORT_TO_REGISTRY, String.valueOf(proxy.port()));
        try {
            provider = new SpringApplicationBuilder(RemoteCallOverDubboIntegrationTests.ProviderApp.class)
                    .web(WebApplicationType.NONE).properties(common())
                    .properties("dubbo.application.name=remote-netfault-provider",
                            "dubbo.provider.group=" + GROUP,
                            "dubbo.scan.base-packages=" + OrderTestFacadeImpl.class.getPackageName(),
                            // The wrapper's settings are one slot per JVM (see RemoteCallBreakerIntegrationTests).
                            "spring.autoconfigure.exclude=" + RemoteCallAutoConfiguration.class.getName(),
                            "dubbo.protocol.port=" + providerPort)
                    .run();
        } finally {
            System.clearProperty(PORT_TO_REGISTRY); // read once, at export
        }
        ProviderWaits.awaitProvider(facade);
        assertThat(proxy.acceptedConnections()).as("the consumer reaches the provider through the proxy")
                .isPositive();
    }

    @AfterAll
    static void stop() {
        if (consumer != null) {
            consumer.close();
        }
        if (provider != null) {
            provider.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @BeforeEach
    void healthy() {
        proxy.heal();
        awaitSuccess("before the test", RECONNECT_BOUND);
    }

    @Test
    void repliesSlowerThanTheTimeoutOpenTheBreakerAndEachTimedOutCallRanOnceOnTheProvider() {
        int runsBefore = OrderTestFacadeImpl.BODY_RUNS.get();
        int invokedBefore = invoked.get();
        proxy.latency(LATENCY, Direction.DOWNSTREAM);
        Outcome outcome = callDuringFault(e -> e.isTimeout());
        // The requests reached the provider at once: each one that reached Dubbo ran there, once.
        int reached = invoked.get() - invokedBefore;
        assertThat(reached).isEqualTo(outcome.failed.size());
        awaitRuns(runsBefore + reached, "the delayed calls ran on the provider");
        proxy.heal();
        long healedAt = System.nanoTime();
        int tries = awaitSuccess("after the latency", HEAL_BOUND);
        long recoveredMs = (System.nanoTime() - healedAt) / 1_000_000;
        assertThat(OrderTestFacadeImpl.BODY_RUNS.get() - runsBefore)
                .as("provider runs: each call that reached Dubbo once, none resent")
                .isEqualTo(invoked.get() - invokedBefore);
        outcome.report("latency " + LATENCY.toMillis() + " ms on replies", recoveredMs, tries);
    }

    @Test
    void aBlackholeOpensTheBreakerAndTheHeldCallsRunOnceWhenItHeals() {
        int runsBefore = OrderTestFacadeImpl.BODY_RUNS.get();
        int invokedBefore = invoked.get();
        proxy.blackhole();
        Outcome outcome = callDuringFault(e -> e.isTimeout());
        assertThat(invoked.get() - invokedBefore).isEqualTo(outcome.failed.size());
        assertThat(OrderTestFacadeImpl.BODY_RUNS.get()).as("nothing reaches the provider through a blackhole")
                .isEqualTo(runsBefore);
        proxy.heal();
        long healedAt = System.nanoTime();
        // The held requests are delivered late, as TCP would retransmit them: the calls that timed out
        // still run, once each.
        awaitRuns(runsBefore + outcome.failed.size(), "the held calls ran on the provider after the heal");
        int tries = awaitSuccess("after the blackhole", HEAL_BOUND);
        long recoveredMs = (System.nanoTime() - healedAt) / 1_000_000;
        assertThat(OrderTestFacadeImpl.BODY_RUNS.get() - runsBefore)
                .as("provider runs: each call that reached Dubbo once, none resent")
                .isEqualTo(invoked.get() - invokedBefore);
        outcome.report("blackhole", recoveredMs, tries);
    }

    @Test
    void aCutOpensTheBreakerAndCallsGoThroughAgainAfterTheHealWithNothingRestarted() {
        int runsBefore = OrderTestFacadeImpl.BODY_RUNS.get();
        int invokedBefore = invoked.get();
        proxy.cut();
        Outcome outcome = callDuringFault(e -> true);
        assertThat(invoked.get() - invokedBefore).isEqualTo(outcome.failed.size());
        assertThat(OrderTestFacadeImpl.BODY_RUNS.get()).as("nothing reaches the provider through a cut")
                .isEqualTo(runsBefore);
        proxy.heal();
        long healedAt = System.nanoTime();
        int tries = awaitSuccess("after the cut", RECONNECT_BOUND);
        long recoveredMs = (System.nanoTime() - healedAt) / 1_000_000;
        assertThat(OrderTestFacadeImpl.BODY_RUNS.get() - runsBefore)
                .as("provider runs: only the calls after the heal that reached it")
                .isLessThanOrEqualTo(invoked.get() - invokedBefore).isPositive();
        outcome.report("cut", recoveredMs, tries);
    }

    /**
     * Tries {@value #CALLS_DURING_FAULT} calls during a fault: each fails with SERVICE_UNAVAILABLE, either
     * a server fault of Dubbo ({@code failure} tells which kind is expected) or a refusal of the breaker.
     */
    private Outcome callDuringFault(Predicate<RpcException> failure) {
        Outcome outcome = new Outcome();
        long refusedBefore = breaker.refusedCalls();
        long faultAt = System.nanoTime();
        for (int i = 0; i < CALLS_DURING_FAULT; i++) {
            long start = System.nanoTime();
            try {
                call();
                fail("call " + i + " succeeded during the fault");
            } catch (ServerUnavailableException e) {
                long elapsed = System.nanoTime() - start;
                assertThat(e.getErrorCode()).isEqualTo(CommonErrorCode.SERVICE_UNAVAILABLE);
                assertThat(e.getServer()).isEqualTo(SERVER);
                if (e.isRefused()) {
                    assertThat(e.getCause()).isNull();
                    outcome.refused.add(elapsed);
                    if (outcome.firstRefusalAt == 0) {
                        outcome.firstRefusalAt = System.nanoTime();
                    }
                } else {
                    assertThat(e.getCause()).isInstanceOfSatisfying(RpcException.class, rpc -> {
                        assertThat(RemoteFaults.isServerFault(rpc)).as(rpc.toString()).isTrue();
                        assertThat(failure.test(rpc)).as("unexpected kind of failure: code %d", rpc.getCode())
                                .isTrue();
                    });
                    outcome.failed.add(elapsed);
                    outcome.codes.add(((RpcException) e.getCause()).getCode());
                }
            }
        }
        outcome.openMs = outcome.firstRefusalAt == 0 ? -1 : (outcome.firstRefusalAt - faultAt) / 1_000_000;
        // Only the calls that opened the breaker (fewer than minimum-calls when the window still holds the
        // success before the fault; more should open-duration pass mid-loop, a probe round) reached Dubbo;
        // every other one was refused before it.
        assertThat(outcome.failed.size()).as("calls that reached Dubbo")
                .isBetween(1, MINIMUM_CALLS + 2 * HALF_OPEN_CALLS);
        assertThat(breaker.refusedCalls() - refusedBefore).isEqualTo(outcome.refused.size())
                .isEqualTo(CALLS_DURING_FAULT - outcome.failed.size());
        assertThat(breaker.isOpen()).isTrue();
        return outcome;
    }

    private void call() {
        RemoteCallWrapper.call(SERVER, r -> {
            invoked.incrementAndGet();
            return facade.create(r);
        }, CreateOrderRequest.valid(), "createGoods");
    }

    /** Calls through the wrapper every 100 ms until one succeeds, within {@code bound}; returns the tries. */
    private int awaitSuccess(String when, Duration bound) {
        long start = System.nanoTime();
        int tries = 0;
        while (true) {
            tries++;
            try {
                call();
                return tries;
            } catch (ServerUnavailableException e) {
                if (System.nanoTime() - start > bound.toNanos()) {
                    throw new AssertionError("no call succeeded " + when + ": not within the bound of this wait ("
                            + bound.toSeconds() + " s)", e);
                }
                ProviderWaits.sleep(100);
            }
        }
    }

    /** Waits until the provider ran {@code expected} bodies in all: bounded, 10 s. */
    private static void awaitRuns(int expected, String what) {
        await(() -> OrderTestFacadeImpl.BODY_RUNS.get() >= expected, what);
        assertThat(OrderTestFacadeImpl.BODY_RUNS.get()).as(what).isEqualTo(expected);
    }

    private static void await(BooleanSupplier condition, String what) {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(10)) {
                throw new AssertionError(what + ": not within the bound of this wait (10 s)");
            }
            ProviderWaits.sleep(20);
        }
    }

    /** The shared settings, without the fixed ones this test sets itself (port, timeout, retries). */
    private static String[] common() {
        return Arrays.stream(RemoteCallOverDubboIntegrationTests.COMMON)
                .filter(p -> !p.startsWith("dubbo.protocol.port=") && !p.startsWith("dubbo.consumer.timeout=")
                        && !p.startsWith("dubbo.consumer.retries="))
                .toArray(String[]::new);
    }

    /** What the calls of one fault saw. */
    private static final class Outcome {
        final List<Long> failed = new ArrayList<>();
        final List<Long> refused = new ArrayList<>();
        final List<Integer> codes = new ArrayList<>();
        long firstRefusalAt;
        long openMs;

        void report(String fault, long recoveredMs, int tries) {
            System.out.printf("RemoteCallNetworkFaultTests [%s]: %d calls: %d reached Dubbo and failed (ms: %s, "
                            + "RpcException codes %s), %d refused (p50 %.3f ms, p99 %.3f ms, max %.3f ms); breaker open "
                            + "%d ms after the fault; first success %d ms after the heal, in %d tries%n",
                    fault, CALLS_DURING_FAULT, failed.size(), failed.stream().map(n -> n / 1_000_000).toList(), codes,
                    refused.size(), percentileMs(refused, 50), percentileMs(refused, 99), percentileMs(refused, 100),
                    openMs, recoveredMs, tries);
        }

    }
}
