package io.tradekit.devservices.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradekit.devservices.DevServices;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

class DevServicesEnvironmentPostProcessorTest {

    @Test
    void twoApplicationContextsInOneJvmShareTheSameRedis() {
        try (ConfigurableApplicationContext first = start("first");
             ConfigurableApplicationContext second = start("second")) {
            RedissonClient firstClient = first.getBean(RedissonClient.class);
            RedissonClient secondClient = second.getBean(RedissonClient.class);

            firstClient.getBucket("devservices:shared", StringCodec.INSTANCE).set("written by first");

            assertThat(secondClient.<String>getBucket("devservices:shared", StringCodec.INSTANCE).get())
                    .isEqualTo("written by first");
            int port = DevServices.redis().port();
            assertThat(first.getEnvironment().getProperty("spring.data.redis.port", Integer.class)).isEqualTo(port);
            assertThat(second.getEnvironment().getProperty("spring.data.redis.port", Integer.class)).isEqualTo(port);
            assertThat(first.getEnvironment().getProperty("spring.data.redis.url")).isEqualTo("redis://127.0.0.1:" + port);
        }
    }

    @Test
    void startsNothingWhenSwitchedOff() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
                .web(WebApplicationType.NONE)
                .properties("tradekit.dev-services.enabled=false", "spring.data.redis.port=1",
                        "spring.autoconfigure.exclude=org.redisson.spring.starter.RedissonAutoConfigurationV2,"
                                + "org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration")
                .run()) {
            assertThat(context.getEnvironment().getPropertySources().contains(DevServicesContributor.PROPERTY_SOURCE_NAME))
                    .isFalse();
            assertThat(context.getEnvironment().getProperty("spring.data.redis.port")).isEqualTo("1");
        }
    }

    @Test
    void usesTheSharedServersOfAnotherProcessAndStartsNone() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
                .web(WebApplicationType.NONE)
                .properties("tradekit.dev-services.shared-servers=true", "spring.data.redis.url=redis://127.0.0.1:1",
                        "rocketmq.name-server=127.0.0.1:2", "dubbo.registry.address=zookeeper://127.0.0.1:3",
                        "spring.autoconfigure.exclude=org.redisson.spring.starter.RedissonAutoConfigurationV2,"
                                + "org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration")
                .run()) {
            assertThat(context.getEnvironment().getProperty("spring.data.redis.url")).isEqualTo("redis://127.0.0.1:1");
            assertThat(context.getEnvironment().getProperty("rocketmq.name-server")).isEqualTo("127.0.0.1:2");
            assertThat(context.getEnvironment().getProperty("dubbo.registry.address")).isEqualTo("zookeeper://127.0.0.1:3");
        }
    }

    @Test
    void sharedServersWithoutTheirAddressesFailTheStartNamingThem() {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(TestApplication.class)
                .web(WebApplicationType.NONE)
                .properties("tradekit.dev-services.shared-servers=true", "spring.data.redis.url=redis://127.0.0.1:1");

        assertThatThrownBy(builder::run).hasMessageContaining("rocketmq.name-server")
                .hasMessageContaining("dubbo.registry.address").hasMessageContaining("spring.config.import");
    }

    private static ConfigurableApplicationContext start(String name) {
        return new SpringApplicationBuilder(TestApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.application.name=" + name,
                        "tradekit.dev-services.rocketmq.enabled=false",
                        "tradekit.dev-services.zookeeper.enabled=false")
                .run();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TestApplication {
    }
}
