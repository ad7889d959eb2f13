package io.tradekit.devservices.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.devservices.DevServices;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class DevServicesInitializerTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new DevServicesInitializer());

    @Test
    void putsEveryRequestedServerAddressIntoTheEnvironment() {
        runner.withPropertyValues("tradekit.dev-services.redis.enabled=true",
                        "tradekit.dev-services.rocketmq.enabled=true",
                        "tradekit.dev-services.zookeeper.enabled=true",
                        "spring.data.redis.url=redis://example.invalid:6379")
                .run(context -> {
                    var environment = context.getEnvironment();
                    assertThat(environment.getProperty("spring.data.redis.host")).isEqualTo("127.0.0.1");
                    assertThat(environment.getProperty("spring.data.redis.port", Integer.class))
                            .isEqualTo(DevServices.redis().port());
                    assertThat(environment.getProperty("spring.data.redis.url"))
                            .as("a url configured elsewhere is overridden, it would win over host/port")
                            .isEqualTo(DevServices.redis().uri());
                    assertThat(environment.getProperty("rocketmq.name-server"))
                            .isEqualTo(DevServices.rocketMq().nameServerAddress());
                    assertThat(environment.getProperty("dubbo.registry.address"))
                            .isEqualTo(DevServices.zooKeeper().dubboRegistryAddress());
                });
    }

    @Test
    void tellsDubboToAdvertiseLoopbackWhenZooKeeperStartsUnlessTheUserChose() {
        String key = DevServicesContributor.DUBBO_IGNORED_INTERFACES;
        String before = System.getProperty(key); // the build sets it for every test JVM
        try {
            System.clearProperty(key);
            runner.withPropertyValues("tradekit.dev-services.zookeeper.enabled=true")
                    .run(context -> assertThat(System.getProperty(key)).isEqualTo(".*"));

            System.setProperty(key, "docker.*");
            runner.withPropertyValues("tradekit.dev-services.zookeeper.enabled=true")
                    .run(context -> assertThat(System.getProperty(key)).isEqualTo("docker.*"));
        } finally {
            if (before == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, before);
            }
        }
    }

    @Test
    void leavesServersWhoseClientIsAbsentOffByDefault() {
        // Dubbo is not on this module's test classpath; rocketmq-client is (test scope), so it is hidden here.
        runner.withClassLoader(new FilteredClassLoader("org.apache.rocketmq.client", "org.apache.rocketmq.spring")).run(context -> {
            var environment = context.getEnvironment();
            assertThat(environment.getProperty("spring.data.redis.port", Integer.class)).isEqualTo(DevServices.redis().port());
            assertThat(environment.getProperty("rocketmq.name-server")).isNull();
            assertThat(environment.getProperty("dubbo.registry.address")).isNull();
        });
    }

    @Test
    void rejectsMalformedSettingsNamingTheValue() {
        runner.withPropertyValues("tradekit.dev-services.redis.port=-1")
                .run(context -> assertThat(context.getStartupFailure())
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Redis dev service port").hasMessageContaining("-1"));
        runner.withPropertyValues("tradekit.dev-services.rocketmq.enabled=true",
                        "tradekit.dev-services.rocketmq.topics=orders;DROP")
                .run(context -> assertThat(context.getStartupFailure())
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Invalid RocketMQ topic name 'orders;DROP'"));
        runner.withPropertyValues("tradekit.dev-services.redis.start-timeout=0s")
                .run(context -> assertThat(context.getStartupFailure())
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start timeout"));
    }

    @Test
    void startsRedisForEitherRedisClientAlone() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
                .run(context -> assertThat(context.getEnvironment().getProperty("spring.data.redis.port", Integer.class))
                        .as("Redisson without Spring Data Redis").isEqualTo(DevServices.redis().port()));
        runner.withClassLoader(new FilteredClassLoader("org.redisson"))
                .run(context -> assertThat(context.getEnvironment().getProperty("spring.data.redis.port", Integer.class))
                        .as("Spring Data Redis without Redisson").isEqualTo(DevServices.redis().port()));
        runner.withClassLoader(new FilteredClassLoader("org.redisson", "org.springframework.data.redis"))
                .run(context -> assertThat(context.getEnvironment().getProperty("spring.data.redis.port")).isNull());
    }

    @Test
    void anExplicitFalseWinsOverAClientOnTheClasspath() {
        runner.withPropertyValues("tradekit.dev-services.redis.enabled=false")
                .run(context -> assertThat(context.getEnvironment().getProperty("spring.data.redis.port")).isNull());
    }
}
