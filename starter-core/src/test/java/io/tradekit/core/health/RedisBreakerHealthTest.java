package io.tradekit.core.health;

import io.tradekit.core.degrade.BreakerSettings;
import io.tradekit.core.degrade.ServerBreaker;
import io.tradekit.core.degrade.ServerBreakers;
import io.tradekit.devservices.fault.RedisOnSamePort;
import io.tradekit.devservices.redis.RedisDevService;
import io.tradekit.devservices.redis.RedisSettings;
import io.tradekit.devservices.support.FreePorts;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.data.redis.RedisHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.data.redis.RedisReactiveHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration;
import org.springframework.boot.autoconfigure.data.redis.RedisReactiveAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

/**
 * On a real redis-server: the {@code redis} health component is Spring Boot's check (its details
 * included) while the {@code redis} breaker is closed, and DOWN without a single connection asked of
 * Redis while it is open, so the overall health no longer waits for the client's timeout; after the
 * breaker's open-duration its checks are the probes that close it again when Redis is back.
 */
class RedisBreakerHealthTest {

    /** The real Lettuce factory, counting the connections asked of it: a health check asks one. */
    static final class CountingConnectionFactory extends LettuceConnectionFactory {

        final AtomicInteger connections = new AtomicInteger();

        CountingConnectionFactory(RedisStandaloneConfiguration server, LettuceClientConfiguration client) {
            super(server, client);
        }

        @Override
        public RedisConnection getConnection() {
            connections.incrementAndGet();
            return super.getConnection();
        }
    }

    @Test
    void downWithoutTouchingRedisWhileTheBreakerIsOpenAndBootsOwnCheckOtherwise() {
        try (RedisDevService redis = RedisDevService.start(RedisSettings.DEFAULTS)) {
            // A short command timeout keeps the breaker-opening calls below bounded.
            LettuceClientConfiguration client = LettuceClientConfiguration.builder()
                    .commandTimeout(Duration.ofSeconds(1)).build();
            BreakerSettings settings = new BreakerSettings();
            settings.setMinimumCalls(2);
            settings.setWindowSize(2);
            settings.setOpenDuration(Duration.ofMinutes(1));
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(RedisAutoConfiguration.class,
                            RedisReactiveAutoConfiguration.class, RedisBreakerHealthAutoConfiguration.class,
                            RedisReactiveHealthContributorAutoConfiguration.class,
                            RedisHealthContributorAutoConfiguration.class))
                    // What the Redis-backed starters register (from tradekit.degrade.*).
                    .withBean(ServerBreakers.class, () -> new ServerBreakers(settings), d -> d.setDestroyMethodName("close"))
                    .withBean("redisConnectionFactory", CountingConnectionFactory.class,
                            () -> new CountingConnectionFactory(
                                    new RedisStandaloneConfiguration(redis.host(), redis.port()), client))
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        // Boot's own contributors backed off: one redis component, ours.
                        assertThat(context.getBeansOfType(HealthContributor.class)).hasSize(1);
                        HealthIndicator health = context.getBean("redisHealthContributor", HealthIndicator.class);
                        assertThat(health).isInstanceOf(BreakerAwareRedisHealthIndicator.class);
                        CountingConnectionFactory factory = context.getBean(CountingConnectionFactory.class);
                        ServerBreaker breaker = context.getBean(ServerBreakers.class).breaker("redis");

                        Health up = health.health();
                        assertThat(up.getStatus()).isEqualTo(Status.UP);
                        assertThat(up.getDetails()).containsKey("version"); // Boot's details, kept
                        assertThat(factory.connections.get()).as("the closed breaker's check asks Redis").isPositive();

                        redis.kill();
                        for (int call = 1; call <= 10 && !breaker.isOpen(); call++) {
                            // Real calls on the dead server; their failures open the breaker.
                            catchThrowable(() -> breaker.call(() -> {
                                try (RedisConnection connection = factory.getConnection()) {
                                    return connection.ping();
                                }
                            }, failure -> true));
                        }
                        assertThat(breaker.isOpen()).as("breaker state %s", breaker.state()).isTrue();

                        int before = factory.connections.get();
                        long start = System.nanoTime();
                        Health down = health.health();
                        long micros = (System.nanoTime() - start) / 1_000;
                        System.out.printf("redis health with the breaker open: %s in %d us%n", down.getStatus(), micros);
                        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
                        assertThat(down.getDetails()).containsEntry("breaker", "OPEN")
                                .containsEntry("retryAfterSeconds", 60L);
                        assertThat(factory.connections.get()).as("no connection asked of Redis").isEqualTo(before);
                    });
        }
    }

    @Test
    void healthPollsAloneCloseTheBreakerOnceRedisIsBack() {
        int port = FreePorts.next();
        RedisDevService redis = RedisDevService.start(new RedisSettings(port, null, Duration.ofSeconds(10)));
        try (RedisOnSamePort.Binary binary = RedisOnSamePort.keep(redis.executable())) {
            LettuceClientConfiguration client = LettuceClientConfiguration.builder()
                    .commandTimeout(Duration.ofMillis(500)).build();
            BreakerSettings settings = new BreakerSettings();
            settings.setMinimumCalls(2);
            settings.setWindowSize(2);
            settings.setOpenDuration(Duration.ofMillis(500));
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(RedisAutoConfiguration.class,
                            RedisBreakerHealthAutoConfiguration.class, RedisHealthContributorAutoConfiguration.class))
                    .withBean(ServerBreakers.class, () -> new ServerBreakers(settings), d -> d.setDestroyMethodName("close"))
                    .withBean("redisConnectionFactory", CountingConnectionFactory.class,
                            () -> new CountingConnectionFactory(new RedisStandaloneConfiguration(redis.host(), port), client))
                    .run(context -> {
                        HealthIndicator health = context.getBean("redisHealthContributor", HealthIndicator.class);
                        CountingConnectionFactory factory = context.getBean(CountingConnectionFactory.class);
                        ServerBreaker breaker = context.getBean(ServerBreakers.class).breaker("redis");
                        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
                        redis.close();
                        for (int call = 1; call <= 10 && !breaker.isOpen(); call++) {
                            catchThrowable(() -> breaker.call(() -> {
                                try (RedisConnection connection = factory.getConnection()) {
                                    return connection.ping();
                                }
                            }, failure -> true));
                        }
                        assertThat(breaker.isOpen()).as("breaker state %s", breaker.state()).isTrue();
                        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);

                        try (RedisOnSamePort back = RedisOnSamePort.start(binary.path(), port, Duration.ofSeconds(10))) {
                            // Nothing but health polls calls Redis now: they are the breaker's probes.
                            long start = System.nanoTime();
                            long deadline = start + Duration.ofSeconds(30).toNanos();
                            int polls = 0;
                            Health last = health.health();
                            while (!(Status.UP.equals(last.getStatus()) && "CLOSED".equals(breaker.state()))) {
                                if (System.nanoTime() > deadline) {
                                    fail("health did not close the breaker within the bound of this wait (30 s): "
                                            + last + ", breaker " + breaker.state());
                                }
                                Thread.sleep(100);
                                last = health.health();
                                polls++;
                            }
                            System.out.printf("redis health UP and breaker closed by health polls alone: %d polls, %d ms"
                                    + " after the restart%n", polls, (System.nanoTime() - start) / 1_000_000);
                            assertThat(last.getDetails()).containsKey("version");
                        }
                    });
        } finally {
            redis.close();
        }
    }

    @Test
    void bootsOwnCheckWhenNoBreakerHasBeenCreated() {
        try (RedisDevService redis = RedisDevService.start(RedisSettings.DEFAULTS)) {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(RedisAutoConfiguration.class,
                            RedisBreakerHealthAutoConfiguration.class, RedisHealthContributorAutoConfiguration.class))
                    .withPropertyValues("spring.data.redis.url=" + redis.uri())
                    .run(context -> {
                        // No ServerBreakers bean at all (no Redis-backed starter): the plain check.
                        HealthIndicator health = context.getBean("redisHealthContributor", HealthIndicator.class);
                        assertThat(health).isInstanceOf(BreakerAwareRedisHealthIndicator.class);
                        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
                    });
        }
    }

    @Test
    void offWithBootsOwnSwitch() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RedisAutoConfiguration.class,
                        RedisBreakerHealthAutoConfiguration.class, RedisHealthContributorAutoConfiguration.class))
                .withPropertyValues("management.health.redis.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("redisHealthContributor"));
    }
}
