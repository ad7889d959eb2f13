package io.tradekit.lock.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.tradekit.devservices.redis.RedisDevService;
import io.tradekit.devservices.redis.RedisSettings;
import io.tradekit.lock.autoconfigure.DistributeLockAutoConfiguration;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The {@code distributeLock} health component on a real Redis of its own (never the machine's 6379):
 * UP while it runs, DOWN with the reason once it is stopped, and the check returns rather than hangs.
 */
class DistributeLockHealthIndicatorTests {

    /** Far above the 500 ms check timeout: only a hang trips it. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DistributeLockAutoConfiguration.class,
                    DistributeLockHealthAutoConfiguration.class))
            .withPropertyValues("tradekit.lock.health.timeout=500ms");

    private static RedissonClient redisson(RedisDevService redis) {
        Config config = new Config();
        config.useSingleServer().setAddress(redis.uri()).setConnectTimeout(500).setTimeout(500)
                .setRetryAttempts(0);
        return Redisson.create(config);
    }

    @Test
    void upWhileRedisRunsDownWithTheReasonOnceItStops() {
        RedisDevService ownRedis = RedisDevService.start(RedisSettings.DEFAULTS);
        RedissonClient client = redisson(ownRedis);
        try {
            runner.withBean(RedissonClient.class, () -> client, d -> d.setDestroyMethodName("")).run(context -> {
                assertThat(context).hasSingleBean(DistributeLockHealthIndicator.class);
                HealthIndicator indicator = context.getBean("distributeLockHealthIndicator", HealthIndicator.class);
                Health up = indicator.health();
                assertThat(up.getStatus()).isEqualTo(Status.UP);
                assertThat(up.getDetails()).containsEntry("client", "redisson").containsEntry("topology", "RedisSingle");

                ownRedis.close();
                Health down = assertTimeoutPreemptively(HANG_GUARD, indicator::health, "the check hung");
                assertThat(down.getStatus()).isEqualTo(Status.DOWN);
                assertThat(down.getDetails()).containsKey("error");
                assertThat(String.valueOf(down.getDetails().get("error"))).isNotBlank();
            });
        } finally {
            client.shutdown();
            ownRedis.close();
        }
    }

    @Test
    void downWhenTheClientIsShutDown() {
        RedisDevService ownRedis = RedisDevService.start(RedisSettings.DEFAULTS);
        try {
            RedissonClient client = redisson(ownRedis);
            client.shutdown();
            Health health = new DistributeLockHealthIndicator(client, Duration.ofMillis(500)).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("error", "the RedissonClient is shut down");
        } finally {
            ownRedis.close();
        }
    }

    @Test
    void offByPropertyWithoutActuatorOrWithoutTheLock() {
        RedisDevService ownRedis = RedisDevService.start(RedisSettings.DEFAULTS);
        RedissonClient client = redisson(ownRedis);
        try {
            ApplicationContextRunner withClient = runner.withBean(RedissonClient.class, () -> client,
                    d -> d.setDestroyMethodName(""));
            withClient.withPropertyValues("management.health.distribute-lock.enabled=false")
                    .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DistributeLockHealthIndicator.class));
            withClient.withPropertyValues("tradekit.lock.enabled=false")
                    .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DistributeLockHealthIndicator.class));
            withClient.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                    .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DistributeLockHealthIndicator.class));
        } finally {
            client.shutdown();
            ownRedis.close();
        }
    }

    @Test
    void anUnboundedTimeoutIsRefusedAtStart() {
        RedisDevService ownRedis = RedisDevService.start(RedisSettings.DEFAULTS);
        RedissonClient client = redisson(ownRedis);
        try {
            for (String timeout : new String[] {"0s", "-1s"}) {
                runner.withBean(RedissonClient.class, () -> client, d -> d.setDestroyMethodName(""))
                        .withPropertyValues("tradekit.lock.health.timeout=" + timeout)
                        .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                                .hasMessageContaining("tradekit.lock.health.timeout must be positive"));
            }
        } finally {
            client.shutdown();
            ownRedis.close();
        }
    }
}
