package io.tradekit.idempotent.autoconfigure;

import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tradekit.devservices.spring.DevServicesInitializer;
import io.tradekit.idempotent.ConsumeOutcome;
import io.tradekit.idempotent.IdempotentTokenObserver;
import io.tradekit.idempotent.IdempotentTokenService;
import io.tradekit.idempotent.aop.IdempotentTokenAdvisor;
import io.tradekit.idempotent.store.IdempotentTokenStore;
import io.tradekit.idempotent.store.LettuceTokenStore;
import io.tradekit.idempotent.web.IdempotentTokenEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Which beans {@link IdempotentTokenAutoConfiguration} creates, and when it backs off. */
class IdempotentTokenAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(IdempotentTokenAutoConfiguration.class));

    private final WebApplicationContextRunner webRunner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(IdempotentTokenAutoConfiguration.class));

    /** A store that never reaches Redis, for tests about wiring only. */
    static final IdempotentTokenStore NO_REDIS = new IdempotentTokenStore() {
        @Override
        public boolean save(String key, String owner, Duration ttl) {
            return true;
        }

        @Override
        public ConsumeOutcome consume(String key, String owner) {
            return ConsumeOutcome.NOT_FOUND;
        }
    };

    @Test
    void definesServiceLettuceStoreAndAdvisorByDefaultWithoutWebParts() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(IdempotentTokenService.class)
                    .hasSingleBean(LettuceTokenStore.class)
                    .hasSingleBean(IdempotentTokenAdvisor.class)
                    .doesNotHaveBean(FilterRegistrationBean.class)
                    .doesNotHaveBean(IdempotentTokenEndpoint.class);
            assertThat(context.getBean(IdempotentTokenService.class).getTtl()).isEqualTo(Duration.ofMinutes(30));
        });
    }

    @Test
    void backsOffEntirelyWhenDisabled() {
        webRunner.withPropertyValues("tradekit.idempotent.enabled=false",
                        "tradekit.idempotent.url-patterns[0].pattern=/trade/buy",
                        "tradekit.idempotent.url-patterns[0].scene=orderList")
                .run(context -> assertThat(context).doesNotHaveBean(IdempotentTokenService.class)
                        .doesNotHaveBean(IdempotentTokenStore.class)
                        .doesNotHaveBean(IdempotentTokenAdvisor.class)
                        .doesNotHaveBean(FilterRegistrationBean.class)
                        .doesNotHaveBean(IdempotentTokenEndpoint.class));
    }

    @Test
    void usesTheApplicationsStoreAndService() {
        runner.withBean(IdempotentTokenStore.class, () -> NO_REDIS).run(context -> {
            assertThat(context).doesNotHaveBean(LettuceTokenStore.class);
            assertThat(context.getBean(IdempotentTokenService.class).issue("orderList")).isNotBlank();
        });
        IdempotentTokenService own = new IdempotentTokenService(NO_REDIS, "", Duration.ofMinutes(1), IdempotentTokenObserver.NONE);
        runner.withBean(IdempotentTokenService.class, () -> own)
                .run(context -> assertThat(context.getBean(IdempotentTokenService.class)).isSameAs(own));
    }

    @Test
    void withoutLettuceTheApplicationMustBringAStore() {
        runner.withClassLoader(new FilteredClassLoader(RedisClient.class))
                .run(context -> assertThat(context).hasFailed());
        runner.withClassLoader(new FilteredClassLoader(RedisClient.class))
                .withBean(IdempotentTokenStore.class, () -> NO_REDIS)
                .run(context -> assertThat(context).hasSingleBean(IdempotentTokenService.class));
    }

    @Test
    void registersTheFilterForTheConfiguredPatternsInAServletApplication() {
        webRunner.withPropertyValues("tradekit.idempotent.url-patterns[0].pattern=/trade/buy",
                        "tradekit.idempotent.url-patterns[0].scene=orderList",
                        "tradekit.idempotent.url-patterns[1].pattern=/trade/pay/*",
                        "tradekit.idempotent.url-patterns[1].scene=pay",
                        "tradekit.idempotent.filter-order=5")
                .run(context -> {
                    FilterRegistrationBean<?> registration = context.getBean(
                            IdempotentTokenWebConfiguration.FILTER_REGISTRATION, FilterRegistrationBean.class);
                    assertThat(registration.getUrlPatterns()).containsExactly("/trade/buy", "/trade/pay/*");
                    assertThat(registration.getOrder()).isEqualTo(5);
                    assertThat(context).hasSingleBean(IdempotentTokenEndpoint.class);
                });
    }

    @Test
    void registersNoFilterWithoutPatternsAndNoEndpointWhenDisabled() {
        webRunner.run(context -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class)
                .hasSingleBean(IdempotentTokenEndpoint.class));
        webRunner.withPropertyValues("tradekit.idempotent.endpoint.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(IdempotentTokenEndpoint.class)
                        .doesNotHaveBean("idempotentTokenRoute"));
    }

    @Test
    void invalidSettingsFailTheStartUpNamingTheProperty() {
        webRunner.withPropertyValues("tradekit.idempotent.url-patterns[0].pattern=/trade/buy",
                        "tradekit.idempotent.url-patterns[0].scene=order list")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("tradekit.idempotent.url-patterns[0].scene"));
        webRunner.withPropertyValues("tradekit.idempotent.url-patterns[0].pattern=/trade/*/buy",
                        "tradekit.idempotent.url-patterns[0].scene=orderList")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("not a servlet URL pattern"));
        runner.withPropertyValues("tradekit.idempotent.ttl=0s")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("tradekit.idempotent.ttl"));
        runner.withPropertyValues("tradekit.idempotent.header=Idempotency Key")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("tradekit.idempotent.header"));
    }

    @Test
    void countsTokensInMicrometerWhenARegistryExists() {
        runner.withInitializer(new DevServicesInitializer())
                .withPropertyValues("tradekit.dev-services.redis.enabled=true")
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> {
                    IdempotentTokenService tokens = context.getBean(IdempotentTokenService.class);
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    String token = tokens.issue("orderList");
                    tokens.consume(token, "orderList");
                    tokens.consume(token, "orderList");
                    tokens.consume("junk", "orderList");
                    assertThat(meters.get("tradekit.idempotent.issued").tag("scene", "orderList").counter().count()).isEqualTo(1);
                    assertThat(meters.get("tradekit.idempotent.consumed").tag("scene", "orderList").counter().count()).isEqualTo(1);
                    assertThat(meters.get("tradekit.idempotent.rejected").tag("reason", "not_found").counter().count()).isEqualTo(1);
                    assertThat(meters.get("tradekit.idempotent.rejected").tag("reason", "malformed").counter().count()).isEqualTo(1);
                });
    }

    @Test
    void observesNothingWithoutMicrometer() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .withBean(IdempotentTokenStore.class, () -> NO_REDIS)
                .run(context -> assertThat(context).doesNotHaveBean(IdempotentTokenObserver.class)
                        .hasSingleBean(IdempotentTokenService.class));
    }

    @Test
    void bindsTheDocumentedDefaults() {
        IdempotentTokenProperties defaults = new IdempotentTokenProperties();
        assertThat(defaults.getHeader()).isEqualTo("Idempotency-Key");
        assertThat(defaults.getKeyPrefix()).isEqualTo("tradekit:idempotent:");
        assertThat(defaults.getEndpoint().getPath()).isEqualTo("/idempotent/token");
        runner.withPropertyValues("tradekit.idempotent.ttl=5m", "tradekit.idempotent.redis.command-timeout=250ms")
                .withBean(IdempotentTokenStore.class, () -> NO_REDIS)
                .run(context -> {
                    IdempotentTokenProperties properties = context.getBean(IdempotentTokenProperties.class);
                    assertThat(properties.getTtl()).isEqualTo(Duration.ofMinutes(5));
                    assertThat(properties.getRedis().getCommandTimeout()).isEqualTo(Duration.ofMillis(250));
                    assertThat(context.getBean(IdempotentTokenService.class).getTtl()).isEqualTo(Duration.ofMinutes(5));
                });
    }
}
