package io.tradekit.devservices.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Hiding every network interface from Dubbo (so it advertises 127.0.0.1) makes Dubbo's {@code NetUtils}
 * log a stack trace per lookup; its logger goes to ERROR by default, and the application's own level wins.
 */
class DubboLoopbackDefaultsTest {

    private static final String NET_UTILS = "org.apache.dubbo.common.utils.NetUtils";

    @Test
    void netUtilsIsQuietByDefaultWhileTheInterfacesAreHidden() {
        try (ConfigurableApplicationContext context = start()) {
            assertThat(System.getProperty(DevServicesContributor.DUBBO_IGNORED_INTERFACES)).isEqualTo(".*");
            assertThat(context.getEnvironment().getProperty(DevServicesContributor.DUBBO_NET_UTILS_LEVEL)).isEqualTo("ERROR");
            assertThat(level(context)).isEqualTo(LogLevel.ERROR);
        }
    }

    @Test
    void theApplicationsOwnLevelWins() {
        try (ConfigurableApplicationContext context = start("logging.level." + NET_UTILS + "=DEBUG")) {
            assertThat(level(context)).isEqualTo(LogLevel.DEBUG);
        }
    }

    private static LogLevel level(ConfigurableApplicationContext context) {
        return LoggingSystem.get(context.getClassLoader()).getLoggerConfiguration(NET_UTILS).getEffectiveLevel();
    }

    private static ConfigurableApplicationContext start(String... extra) {
        return new SpringApplicationBuilder(Plain.class).web(WebApplicationType.NONE)
                .properties("tradekit.dev-services.redis.enabled=false", "tradekit.dev-services.rocketmq.enabled=false",
                        "tradekit.dev-services.zookeeper.enabled=true", "spring.main.banner-mode=off")
                .properties(extra)
                .run();
    }

    @SpringBootConfiguration
    static class Plain {
    }
}
