package io.tradekit.lock.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.devservices.junit.WithDevServices;
import io.tradekit.devservices.redis.RedisDevService;
import io.tradekit.lock.DistributeLock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A {@link DistributeLock} the CGLIB proxy cannot reach fails the start-up naming the method and
 * why, before any bean is created, with a working Redisson client present.
 */
@WithDevServices
class UninterceptableLockTests {

    static final AtomicInteger CREATED = new AtomicInteger();

    private static RedissonClient redisson;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, DistributeLockAutoConfiguration.class))
            .withBean(RedissonClient.class, () -> redisson, definition -> definition.setDestroyMethodName(""));

    @BeforeAll
    static void connect(RedisDevService redis) {
        Config config = new Config();
        config.useSingleServer().setAddress(redis.uri());
        redisson = Redisson.create(config);
    }

    @AfterAll
    static void close() {
        redisson.shutdown();
    }

    public static class FinalMethod {
        public FinalMethod() {
            CREATED.incrementAndGet();
        }

        @DistributeLock(scene = "S", keyExpression = "#id")
        public final void transfer(String id) {
        }
    }

    public static class PrivateMethod {
        public PrivateMethod() {
            CREATED.incrementAndGet();
        }

        @DistributeLock(scene = "S", keyExpression = "#id")
        private void transfer(String id) {
        }
    }

    public static class StaticMethod {
        public StaticMethod() {
            CREATED.incrementAndGet();
        }

        @DistributeLock(scene = "S", keyExpression = "#id")
        public static void transfer(String id) {
        }
    }

    public static final class FinalClass {
        public FinalClass() {
            CREATED.incrementAndGet();
        }

        @DistributeLock(scene = "S", keyExpression = "#id")
        public void transfer(String id) {
        }
    }

    public static class BadRule {
        public BadRule() {
            CREATED.incrementAndGet();
        }

        @DistributeLock(scene = "S", keyExpression = "#id", waitTime = -7)
        public void transfer(String id) {
        }
    }

    @Test
    void aFinalMethodFailsTheStartUp() {
        assertFailsNaming(FinalMethod.class, "transfer(String)", "it is final");
    }

    @Test
    void aPrivateMethodFailsTheStartUp() {
        assertFailsNaming(PrivateMethod.class, "transfer(String)", "it is private");
    }

    @Test
    void aStaticMethodFailsTheStartUp() {
        assertFailsNaming(StaticMethod.class, "transfer(String)", "it is static");
    }

    @Test
    void aMethodOfAFinalClassFailsTheStartUp() {
        assertFailsNaming(FinalClass.class, "transfer(String)", "its class is final");
    }

    @Test
    void aBrokenRuleFailsTheStartUpBeforeAnyBeanIsCreated() {
        int created = CREATED.get();
        runner.withBean(BadRule.class).run(context -> assertThat(context).hasFailed().getFailure()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@DistributeLock on " + BadRule.class.getName() + ".transfer")
                .hasMessageContaining("waitTime must be -1 (default) or >= 0 ms, was -7"));
        assertThat(CREATED).hasValue(created);
    }

    @Test
    void allOffendersAreNamedAtOnceAndEvenWithTheLockDisabled() {
        runner.withBean(FinalMethod.class).withBean(StaticMethod.class).withPropertyValues("tradekit.lock.enabled=false")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining(FinalMethod.class.getName() + "#transfer(String)")
                        .hasMessageContaining(StaticMethod.class.getName() + "#transfer(String)"));
    }

    private void assertFailsNaming(Class<?> beanClass, String method, String why) {
        int created = CREATED.get();
        runner.withBean(beanClass).run(context -> assertThat(context).hasFailed().getFailure()
                .isInstanceOf(DistributeLockStartupException.class)
                .hasMessageContaining("@DistributeLock cannot take effect on " + beanClass.getName() + "#" + method)
                .hasMessageContaining(why)
                .hasMessageContaining("DistributeLockTemplate"));
        assertThat(CREATED).as("failed before any bean was created").hasValue(created);
    }
}
