package io.tradekit.stock.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.tradekit.devservices.redis.RedisDevService;
import io.tradekit.devservices.redis.RedisSettings;
import io.tradekit.devservices.spring.DevServicesInitializer;
import io.tradekit.devservices.support.FreePorts;
import io.tradekit.devservices.support.SilentServer;
import io.tradekit.stock.StockCommand;
import io.tradekit.stock.StockService;
import io.tradekit.stock.autoconfigure.StockAutoConfiguration;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The {@code stock} health component on real Redis servers (the dev-services one, one of its own
 * that the test stops, a closed port and a server that never answers): UP with the ping and the
 * loaded scripts, DOWN with the reason, and the check returns rather than hangs.
 */
class StockHealthIndicatorTests {

    /** Far above the 500 ms timeouts: only a hang trips it. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(StockAutoConfiguration.class, StockHealthAutoConfiguration.class))
            .withPropertyValues("tradekit.stock.health.timeout=500ms", "tradekit.stock.redis.connect-timeout=500ms",
                    "tradekit.stock.redis.command-timeout=500ms", "tradekit.stock.redis.retry-delay=100ms");

    @Test
    void upWithThePingAndTheScriptsOnTheDevServicesRedis() {
        runner.withInitializer(new DevServicesInitializer())
                .withPropertyValues("tradekit.dev-services.redis.enabled=true").run(context -> {
                    StockService stock = context.getBean(StockService.class);
                    String item = "health-" + System.nanoTime();
                    stock.init(item, 2);
                    stock.deduct(new StockCommand(item, "b", "o", 1));
                    Health health = context.getBean("stockHealthIndicator", HealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsEntry("client", "lettuce").containsEntry("ping", "PONG");
                    assertThat((String) health.getDetails().get("scriptsLoaded")).as("init and deduct ran")
                            .matches("[2-7]/7");
                });
    }

    @Test
    void downWithTheReasonOnceRedisStops() {
        RedisDevService ownRedis = RedisDevService.start(RedisSettings.DEFAULTS);
        try {
            runner.withPropertyValues("spring.data.redis.url=" + ownRedis.uri()).run(context -> {
                HealthIndicator indicator = context.getBean("stockHealthIndicator", HealthIndicator.class);
                assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
                ownRedis.close();
                Health down = assertTimeoutPreemptively(HANG_GUARD, indicator::health, "the check hung");
                assertThat(down.getStatus()).isEqualTo(Status.DOWN);
                assertThat(String.valueOf(down.getDetails().get("error"))).isNotBlank();
            });
        } finally {
            ownRedis.close();
        }
    }

    @Test
    void downWithTheReasonOnAClosedPort() {
        runner.withPropertyValues("spring.data.redis.url=redis://127.0.0.1:" + FreePorts.next()).run(context -> {
            Health down = assertTimeoutPreemptively(HANG_GUARD,
                    () -> context.getBean("stockHealthIndicator", HealthIndicator.class).health(), "the check hung");
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(String.valueOf(down.getDetails().get("error"))).contains("RedisConnectionException");
        });
    }

    @Test
    void downRatherThanHangingOnAServerThatNeverAnswers() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            runner.withPropertyValues("spring.data.redis.url=redis://127.0.0.1:" + silent.port()).run(context -> {
                Health down = assertTimeoutPreemptively(HANG_GUARD,
                        () -> context.getBean("stockHealthIndicator", HealthIndicator.class).health(), "the check hung");
                assertThat(down.getStatus()).isEqualTo(Status.DOWN);
                assertThat(String.valueOf(down.getDetails().get("error"))).isNotBlank();
            });
        }
    }

    @Test
    void offByPropertyWithoutActuatorOrWhenTheStockIsDisabled() {
        ApplicationContextRunner onDevRedis = runner.withInitializer(new DevServicesInitializer())
                .withPropertyValues("tradekit.dev-services.redis.enabled=true");
        onDevRedis.withPropertyValues("management.health.stock.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(StockHealthIndicator.class));
        onDevRedis.withPropertyValues("tradekit.stock.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(StockHealthIndicator.class));
        onDevRedis.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(StockHealthIndicator.class));
    }

    @Test
    void anUnboundedTimeoutIsRefusedAtStart() {
        for (String timeout : new String[] {"0s", "-1s"}) {
            runner.withPropertyValues("spring.data.redis.url=redis://127.0.0.1:" + FreePorts.next(),
                    "tradekit.stock.health.timeout=" + timeout).run(context -> assertThat(context).hasFailed()
                    .getFailure().rootCause().hasMessageContaining("tradekit.stock.health.timeout must be positive"));
        }
    }
}
