package io.tradekit.idempotent.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.tradekit.devservices.redis.RedisDevService;
import io.tradekit.devservices.redis.RedisSettings;
import io.tradekit.devservices.spring.DevServicesInitializer;
import io.tradekit.devservices.support.FreePorts;
import io.tradekit.devservices.support.SilentServer;
import io.tradekit.idempotent.IdempotentTokenService;
import io.tradekit.idempotent.autoconfigure.IdempotentTokenAutoConfiguration;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The {@code idempotentToken} health component on real Redis servers (the dev-services one, one of
 * its own that the test stops, a closed port and a server that never answers): UP with the ping and
 * the loaded scripts, DOWN with the reason, and the check returns rather than hangs.
 */
class IdempotentTokenHealthIndicatorTests {

    /** Far above the 500 ms timeouts: only a hang trips it. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(IdempotentTokenAutoConfiguration.class,
                    IdempotentTokenHealthAutoConfiguration.class))
            .withPropertyValues("tradekit.idempotent.health.timeout=500ms",
                    "tradekit.idempotent.redis.connect-timeout=500ms", "tradekit.idempotent.redis.command-timeout=500ms",
                    "tradekit.idempotent.redis.retry-delay=100ms");

    @Test
    void upWithThePingAndTheScriptsOnTheDevServicesRedis() {
        runner.withInitializer(new DevServicesInitializer())
                .withPropertyValues("tradekit.dev-services.redis.enabled=true").run(context -> {
                    IdempotentTokenService tokens = context.getBean(IdempotentTokenService.class);
                    assertThat(tokens.consume(tokens.issue("health"), "health")).isTrue();
                    Health health = context.getBean("idempotentTokenHealthIndicator", HealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsEntry("client", "lettuce").containsEntry("ping", "PONG");
                    assertThat((String) health.getDetails().get("scriptsLoaded")).as("consume ran").matches("[1-4]/4");
                });
    }

    @Test
    void downWithTheReasonOnceRedisStops() {
        RedisDevService ownRedis = RedisDevService.start(RedisSettings.DEFAULTS);
        try {
            runner.withPropertyValues("spring.data.redis.url=" + ownRedis.uri()).run(context -> {
                HealthIndicator indicator = context.getBean("idempotentTokenHealthIndicator", HealthIndicator.class);
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
                    () -> context.getBean("idempotentTokenHealthIndicator", HealthIndicator.class).health(),
                    "the check hung");
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(String.valueOf(down.getDetails().get("error"))).contains("RedisConnectionException");
        });
    }

    @Test
    void downRatherThanHangingOnAServerThatNeverAnswers() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            runner.withPropertyValues("spring.data.redis.url=redis://127.0.0.1:" + silent.port()).run(context -> {
                Health down = assertTimeoutPreemptively(HANG_GUARD,
                        () -> context.getBean("idempotentTokenHealthIndicator", HealthIndicator.class).health(),
                        "the check hung");
                assertThat(down.getStatus()).isEqualTo(Status.DOWN);
                assertThat(String.valueOf(down.getDetails().get("error"))).isNotBlank();
            });
        }
    }

    @Test
    void offByPropertyWithoutActuatorOrWhenTheStarterIsDisabled() {
        ApplicationContextRunner onDevRedis = runner.withInitializer(new DevServicesInitializer())
                .withPropertyValues("tradekit.dev-services.redis.enabled=true");
        onDevRedis.withPropertyValues("management.health.idempotent-token.enabled=false").run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(IdempotentTokenHealthIndicator.class));
        onDevRedis.withPropertyValues("tradekit.idempotent.enabled=false").run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(IdempotentTokenHealthIndicator.class));
        onDevRedis.withClassLoader(new FilteredClassLoader(HealthIndicator.class)).run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(IdempotentTokenHealthIndicator.class));
    }

    @Test
    void anUnboundedTimeoutIsRefusedAtStart() {
        for (String timeout : new String[] {"0s", "-1s"}) {
            runner.withPropertyValues("spring.data.redis.url=redis://127.0.0.1:" + FreePorts.next(),
                    "tradekit.idempotent.health.timeout=" + timeout).run(context -> assertThat(context).hasFailed()
                    .getFailure().rootCause().hasMessageContaining("tradekit.idempotent.health.timeout must be positive"));
        }
    }
}
