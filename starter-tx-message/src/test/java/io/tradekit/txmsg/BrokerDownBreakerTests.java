package io.tradekit.txmsg;

import static io.tradekit.devservices.fault.Latencies.percentileMs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.tradekit.core.degrade.ServerBreaker;
import io.tradekit.core.degrade.ServerBreakers;
import io.tradekit.core.degrade.ServerUnavailableException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.devservices.DevServices;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The dev broker stopped for real: the first sends fail on the client (connection refused, no route)
 * and answer SERVICE_UNAVAILABLE, then the {@code rocketmq} breaker opens and refuses the next sends
 * without touching the producer; no refused or failed send ran its local transaction (no Redis
 * record). After the broker is started again, sends commit once the breaker has probed it.
 */
class BrokerDownBreakerTests {

    static final String TOPIC = "txmsg-breaker-orders";
    static final int MINIMUM_CALLS = 3;
    static final int HALF_OPEN_CALLS = 1;
    /** Sends tried while the broker is down: bounded, and all but the first few must be refused. */
    static final int SENDS_WHILE_DOWN = 200;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean(destroyMethod = "close")
        RedisStockHandler redisStockHandler() {
            return new RedisStockHandler();
        }
    }

    @Test
    void sendsAreRefusedFastWhileTheBrokerIsDownAndCommitAgainAfterItsRestart() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE).properties(
                        "tradekit.dev-services.rocketmq.enabled=true",
                        "tradekit.dev-services.rocketmq.topics=" + TOPIC,
                        "spring.datasource.url=jdbc:h2:mem:txmsg-breaker;MODE=MySQL;DB_CLOSE_DELAY=-1",
                        "tradekit.txmsg.producer-group=txmsg-breaker-producer",
                        "tradekit.txmsg.heartbeat-interval=500ms",
                        "tradekit.txmsg.send-timeout=1s",
                        "tradekit.degrade.servers.rocketmq.minimum-calls=" + MINIMUM_CALLS,
                        "tradekit.degrade.servers.rocketmq.window-size=" + MINIMUM_CALLS,
                        "tradekit.degrade.servers.rocketmq.open-duration=2s",
                        "tradekit.degrade.servers.rocketmq.half-open-calls=" + HALF_OPEN_CALLS).run()) {
            TransactionalMessageTemplate template = context.getBean(TransactionalMessageTemplate.class);
            RedisStockHandler handler = context.getBean(RedisStockHandler.class);
            ServerBreaker breaker = context.getBean(ServerBreakers.class).breaker("rocketmq");
            assertThat(send(template, "up-" + UUID.randomUUID()).localOutcome()).isEqualTo(TransactionOutcome.COMMIT);

            List<String> down = new ArrayList<>();
            List<Long> refusedNanos = new ArrayList<>();
            List<Long> failedNanos = new ArrayList<>();
            long refusedBefore = breaker.refusedCalls();
            long stoppedAt;
            long firstRefusalAt = 0;
            DevServices.rocketMq().stopBroker();
            try {
                stoppedAt = System.nanoTime();
                for (int i = 0; i < SENDS_WHILE_DOWN; i++) {
                    String orderId = "down-" + i + "-" + UUID.randomUUID();
                    down.add(orderId);
                    long start = System.nanoTime();
                    try {
                        send(template, orderId);
                        fail("send " + i + " succeeded while the broker was stopped");
                    } catch (ServerUnavailableException e) {
                        long elapsed = System.nanoTime() - start;
                        assertThat(e.getErrorCode()).isEqualTo(CommonErrorCode.SERVICE_UNAVAILABLE);
                        assertThat(e.getServer()).isEqualTo("rocketmq");
                        if (e.isRefused()) {
                            refusedNanos.add(elapsed);
                            if (firstRefusalAt == 0) {
                                firstRefusalAt = System.nanoTime();
                            }
                        } else {
                            assertThat(e.getCause()).as("a send that reached the client keeps its fault")
                                    .isNotNull();
                            failedNanos.add(elapsed);
                        }
                    }
                }
                // Only the sends that opened the breaker (at most minimum-calls; fewer since the window
                // holds the successful send before the stop) and, should open-duration pass mid-loop, a
                // probe round reached the client; every other one was refused by the breaker.
                assertThat(failedNanos).as("sends that reached the RocketMQ client")
                        .hasSizeBetween(1, MINIMUM_CALLS + 2 * HALF_OPEN_CALLS);
                assertThat(breaker.refusedCalls() - refusedBefore).isEqualTo(refusedNanos.size())
                        .isEqualTo(SENDS_WHILE_DOWN - failedNanos.size());
                // Nothing changed: the half message was never stored, so no local transaction ran.
                assertThat(down).noneMatch(handler.executed::contains).noneMatch(handler::hasRecord);
            } finally {
                DevServices.rocketMq().startBrokerAgain();
            }
            long restartedAt = System.nanoTime();
            int tries = 0;
            TransactionalSendResult recovered = null;
            String recoveredOrder = null;
            // Bounded: 60 s of tries 100 ms apart (open-duration is 2 s, the route is the same broker).
            while (recovered == null && System.nanoTime() - restartedAt < TimeUnit.SECONDS.toNanos(60)) {
                tries++;
                recoveredOrder = "back-" + tries + "-" + UUID.randomUUID();
                try {
                    recovered = send(template, recoveredOrder);
                } catch (ServerUnavailableException e) {
                    assertThat(handler.executed).doesNotContain(recoveredOrder);
                    sleep(100);
                }
            }
            assertThat(recovered).as("a send commits within 60 s of the broker's restart").isNotNull();
            long recoveredAt = System.nanoTime();
            assertThat(recovered.localOutcome()).isEqualTo(TransactionOutcome.COMMIT);
            assertThat(handler.hasRecord(recoveredOrder)).isTrue();
            assertThat(send(template, "after-" + UUID.randomUUID()).localOutcome()).isEqualTo(TransactionOutcome.COMMIT);
            assertThat(breaker.state()).isEqualTo("CLOSED");

            System.out.printf("BrokerDownBreakerTests: %d sends while down: %d reached the client (ms: %s), "
                            + "%d refused (p50 %.3f ms, p99 %.3f ms, max %.3f ms); first refusal %d ms after the stop; "
                            + "recovered %d ms after the restart, in %d tries%n",
                    SENDS_WHILE_DOWN, failedNanos.size(), failedNanos.stream().map(n -> n / 1_000_000).toList(),
                    refusedNanos.size(), percentileMs(refusedNanos, 50), percentileMs(refusedNanos, 99),
                    percentileMs(refusedNanos, 100), (firstRefusalAt - stoppedAt) / 1_000_000,
                    (recoveredAt - restartedAt) / 1_000_000, tries);
        }
    }

    private static TransactionalSendResult send(TransactionalMessageTemplate template, String orderId) {
        return template.send(TOPIC, RedisStockHandler.SCENE, new Deduct(orderId, 1, "COMMIT"));
    }


    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
