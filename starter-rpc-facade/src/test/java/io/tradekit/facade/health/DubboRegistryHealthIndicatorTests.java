package io.tradekit.facade.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.tradekit.devservices.zookeeper.ZooKeeperDevService;
import io.tradekit.facade.health.probe.HealthProbeServiceImpl;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code dubboRegistry} health component with a Dubbo provider on a real ZooKeeper of its own:
 * UP while it runs, DOWN with the reason once it stops, UNKNOWN without Dubbo. (No closed-port case:
 * Dubbo 3.3.6 cannot start a provider whose registry is unreachable, even with
 * {@code dubbo.registry.check=false} — a NullPointerException in {@code RegistryProtocol.export} — so
 * "unreachable" is the registry going away under a running provider.)
 */
class DubboRegistryHealthIndicatorTests {

    /** Far above what a local state read takes: only a hang trips it. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ProviderApp {
    }

    private static ConfigurableApplicationContext provider(String registryAddress) {
        return new SpringApplicationBuilder(ProviderApp.class).web(WebApplicationType.NONE).properties(
                "spring.main.banner-mode=off",
                "tradekit.dev-services.zookeeper.enabled=false",
                "dubbo.application.name=health-provider",
                "dubbo.application.qos-enable=false",
                "dubbo.application.register-mode=interface",
                "dubbo.application.service-discovery.migration=FORCE_INTERFACE",
                "dubbo.application.metadata-type=local",
                "dubbo.registry.address=" + registryAddress,
                "dubbo.registry.use-as-config-center=false",
                "dubbo.registry.use-as-metadata-center=false",
                "dubbo.protocol.name=dubbo",
                "dubbo.protocol.port=-1",
                "dubbo.protocol.host=127.0.0.1",
                "dubbo.provider.host=127.0.0.1",
                "dubbo.scan.base-packages=" + HealthProbeServiceImpl.class.getPackageName())
                .run();
    }

    private static Health health(ConfigurableApplicationContext context) {
        HealthIndicator indicator = context.getBean("dubboRegistryHealthIndicator", HealthIndicator.class);
        return assertTimeoutPreemptively(HANG_GUARD, indicator::health, "the check hung");
    }

    @Test
    void upWhileZooKeeperRunsDownWithTheReasonOnceItStops() {
        ZooKeeperDevService zooKeeper = ZooKeeperDevService.start();
        String address = "127.0.0.1:" + zooKeeper.port();
        try (ConfigurableApplicationContext provider = provider(zooKeeper.dubboRegistryAddress())) {
            Health up = health(provider);
            assertThat(up.getStatus()).as(up.toString()).isEqualTo(Status.UP);
            assertThat((Map<String, Object>) up.getDetails().get("registries"))
                    .containsEntry("zookeeper://" + address, "connected");

            zooKeeper.close();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Health down = health(provider);
                assertThat(down.getStatus()).isEqualTo(Status.DOWN);
                assertThat((Map<String, Object>) down.getDetails().get("registries"))
                        .containsEntry("zookeeper://" + address, "disconnected");
                assertThat(down.getDetails()).containsEntry("error", "a Dubbo registry is disconnected");
            });
        } finally {
            zooKeeper.close();
        }
    }

    @Test
    void unknownWithoutDubboAndOffByProperty() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DubboRegistryHealthAutoConfiguration.class));
        runner.run(context -> {
            Health health = context.getBean(DubboRegistryHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
            assertThat(health.getDetails()).containsEntry("reason", "Dubbo is not running in this application context");
        });
        runner.withPropertyValues("management.health.dubbo-registry.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DubboRegistryHealthIndicator.class));
    }
}
