package io.tradekit.stock.redis;

import io.tradekit.core.degrade.ServerBreaker;
import io.tradekit.core.degrade.ServerBreakers;
import io.tradekit.core.degrade.ServerUnavailableException;
import io.tradekit.devservices.fault.RedisOnSamePort;
import io.tradekit.devservices.redis.RedisDevService;
import io.tradekit.devservices.redis.RedisSettings;
import io.tradekit.devservices.support.FreePorts;
import io.tradekit.stock.StockCode;
import io.tradekit.stock.StockCommand;
import io.tradekit.stock.StockService;
import io.tradekit.stock.StockUnavailableException;
import io.tradekit.stock.autoconfigure.StockAutoConfiguration;
import io.tradekit.stock.health.StockHealthAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;

/**
 * While Redis is down, deductions are refused by the shared {@code redis} breaker without touching
 * Redis (the refusal carries the breaker's {@code Retry-After}), health is DOWN at once, and once Redis
 * is back on the same port the service works again without a restart.
 */
class StockRedisBreakerTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(StockAutoConfiguration.class, StockHealthAutoConfiguration.class))
            .withPropertyValues("tradekit.stock.health.timeout=500ms", "tradekit.stock.redis.connect-timeout=500ms",
                    "tradekit.stock.redis.command-timeout=500ms", "tradekit.stock.redis.retry-delay=100ms",
                    "tradekit.degrade.servers.redis.open-duration=1s");

    @Test
    void deductionsAreRefusedByTheBreakerWhileRedisIsDownAndWorkAgainWhenItIsBack() {
        int redisPort = FreePorts.next();
        RedisDevService redis = RedisDevService.start(new RedisSettings(redisPort, null, Duration.ofSeconds(10)));
        try (RedisOnSamePort.Binary binary = RedisOnSamePort.keep(redis.executable())) {
            runner.withPropertyValues("spring.data.redis.url=" + redis.uri()).run(context -> {
                StockService stock = context.getBean(StockService.class);
                ServerBreaker breaker = context.getBean(ServerBreakers.class).breaker("redis");
                HealthIndicator health = context.getBean("stockHealthIndicator", HealthIndicator.class);
                stock.init("item-1", 100);
                assertThat(stock.deduct(new StockCommand("item-1", "buyer", "order-0", 1)).code())
                        .isEqualTo(StockCode.SUCCESS);
                redis.close();

                int calls = 100;
                int refused = 0;
                for (int i = 1; i <= calls; i++) {
                    StockUnavailableException e = catchThrowableOfType(StockUnavailableException.class,
                            () -> stock.deduct(new StockCommand("item-1", "buyer", "order-" + System.nanoTime(), 1)));
                    assertThat(e).as("call %d", i).isNotNull();
                    assertThat(e.getCode()).isEqualTo("SERVICE_UNAVAILABLE");
                    ServerUnavailableException refusal = ServerUnavailableException.find(e);
                    if (refusal != null && refusal.isRefused()) {
                        refused++;
                        assertThat(refusal.getRetryAfterSeconds()).isEqualTo(1);
                    }
                }
                assertThat(refused).isGreaterThan(calls / 2).isEqualTo((int) breaker.refusedCalls());
                assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.health().getDetails()).containsKey("breaker");

                try (RedisOnSamePort back = RedisOnSamePort.start(binary.path(), redisPort, Duration.ofSeconds(10))) {
                    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (true) {
                        try {
                            stock.init("item-1", 100); // the restarted Redis is empty
                            break;
                        } catch (StockUnavailableException stillRefused) {
                            if (System.nanoTime() > deadline) {
                                fail("the stock service did not work again within the bound of this wait (30 s)");
                            }
                            Thread.sleep(100);
                        }
                    }
                    assertThat(stock.deduct(new StockCommand("item-1", "buyer", "order-after", 1)).code())
                            .isEqualTo(StockCode.SUCCESS);
                    assertThat(breaker.state()).isEqualTo("CLOSED");
                    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
                }
            });
        } finally {
            redis.close();
        }
    }
}
