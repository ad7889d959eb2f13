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
import io.tradekit.idempotent.IdempotentToken;
import io.tradekit.idempotent.IdempotentTokenUnavailableException;
import io.tradekit.idempotent.web.IdempotentTokenHandlerInterceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which beans {@link IdempotentTokenAutoConfiguration} creates, when it backs off, and when it refuses to start. */
@ExtendWith(OutputCaptureExtension.class)
class IdempotentTokenAutoConfigurationTests {

    static class GuardedFacade {
        @IdempotentToken(scene = "pay", tokenExpression = "#p0")
        public void pay(String token) {
        }
    }

    static class FinalMethodFacade {
        @IdempotentToken(scene = "pay", tokenExpression = "#p0")
        public final void pay(String token) {
        }
    }

    static class PrivateMethodFacade {
        @IdempotentToken(scene = "pay", tokenExpression = "#p0")
        private void pay(String token) {
        }
    }

    static class StaticMethodFacade {
        @IdempotentToken(scene = "pay", tokenExpression = "#p0")
        public static void pay(String token) {
        }
    }

    /** A bean that uses the service directly. */
    static class Checkout {
        Checkout(IdempotentTokenService tokens) {
        }
    }

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

        @Override
        public ConsumeOutcome claim(String key, String owner, String fingerprint, String claimId) {
            return ConsumeOutcome.NOT_FOUND;
        }

        @Override
        public boolean complete(String key, String claimId) {
            return false;
        }

        @Override
        public boolean release(String key, String claimId) {
            return false;
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
    void withoutLettuceGuardedUrlsFailTheStartUpNamingTheFirstPatternAndWhatToAdd() {
        webRunner.withClassLoader(new FilteredClassLoader(RedisClient.class))
                .withPropertyValues("tradekit.idempotent.url-patterns[0].pattern=/trade/buy",
                        "tradekit.idempotent.url-patterns[0].scene=orderList")
                .run(context -> assertThat(context).getFailure()
                        .hasMessageContaining("tradekit.idempotent.url-patterns[0] (/trade/buy)")
                        .hasMessageContaining("io.lettuce:lettuce-core")
                        .hasMessageContaining("IdempotentTokenStore bean"));
    }

    @Test
    void withoutLettuceAnnotatedMethodsFailTheStartUpNamingTheFirstMethod() {
        runner.withClassLoader(new FilteredClassLoader(RedisClient.class))
                .withBean(GuardedFacade.class)
                .run(context -> assertThat(context).getFailure()
                        .hasMessageContaining("@IdempotentToken method " + GuardedFacade.class.getName() + "#pay(String)")
                        .hasMessageContaining("io.lettuce:lettuce-core"));
    }

    @Test
    void withoutLettuceAnInjectedServiceFailsTheStartUpNamingTheBean() {
        runner.withClassLoader(new FilteredClassLoader(RedisClient.class))
                .withBean("checkout", Checkout.class)
                .run(context -> assertThat(context).getFailure()
                        .hasMessageContaining("bean 'checkout' uses IdempotentTokenService")
                        .hasMessageContaining("io.lettuce:lettuce-core"));
    }

    @Test
    void withoutLettuceAnApplicationThatReliesOnNothingStartsAndAnOwnStoreServes() {
        runner.withClassLoader(new FilteredClassLoader(RedisClient.class))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(IdempotentTokenService.class);
                    // Called anyway (e.g. looked up lazily): refused, never let through.
                    assertThatThrownBy(() -> context.getBean(IdempotentTokenService.class).consume(
                            "123e4567-e89b-12d3-a456-426614174000", "orderList"))
                            .isInstanceOf(IdempotentTokenUnavailableException.class);
                });
        webRunner.withClassLoader(new FilteredClassLoader(RedisClient.class))
                .withPropertyValues("tradekit.idempotent.url-patterns[0].pattern=/trade/buy",
                        "tradekit.idempotent.url-patterns[0].scene=orderList")
                .withBean(IdempotentTokenStore.class, () -> NO_REDIS)
                .withBean("checkout", Checkout.class)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(IdempotentTokenHandlerInterceptor.class));
    }

    @Test
    void disabledLogsOneWarningNamingWhatRunsUnprotected(CapturedOutput output) {
        webRunner.withPropertyValues("tradekit.idempotent.enabled=false",
                        "tradekit.idempotent.url-patterns[0].pattern=/trade/buy",
                        "tradekit.idempotent.url-patterns[0].scene=orderList")
                .withBean(GuardedFacade.class)
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(IdempotentTokenService.class);
                    String warning = "tradekit.idempotent.enabled=false: these run WITHOUT a duplicate-submission check: "
                            + "tradekit.idempotent.url-patterns[0] (/trade/buy), @IdempotentToken "
                            + GuardedFacade.class.getName() + "#pay(String)";
                    assertThat(output.getOut()).containsOnlyOnce(warning);
                });
    }

    @Test
    void anAnnotationNoProxyCanInterceptFailsTheStartUpNamingMethodAndWhy() {
        runner.withBean(IdempotentTokenStore.class, () -> NO_REDIS).withBean(FinalMethodFacade.class)
                .run(context -> assertThat(context).getFailure()
                        .hasMessageContaining(FinalMethodFacade.class.getName() + "#pay(String)")
                        .hasMessageContaining("it is final"));
        runner.withBean(IdempotentTokenStore.class, () -> NO_REDIS).withBean(PrivateMethodFacade.class)
                .run(context -> assertThat(context).getFailure()
                        .hasMessageContaining(PrivateMethodFacade.class.getName() + "#pay(String)")
                        .hasMessageContaining("it is private"));
        runner.withBean(IdempotentTokenStore.class, () -> NO_REDIS).withBean(StaticMethodFacade.class)
                .run(context -> assertThat(context).getFailure()
                        .hasMessageContaining(StaticMethodFacade.class.getName() + "#pay(String)")
                        .hasMessageContaining("it is static"));
        runner.withBean(IdempotentTokenStore.class, () -> NO_REDIS).withBean(GuardedFacade.class)
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void registersTheTokenCheckAfterTheLoginCheckAndTheMarkerLast() {
        webRunner.withBean(IdempotentTokenStore.class, () -> NO_REDIS)
                .withPropertyValues("tradekit.idempotent.url-patterns[0].pattern=/trade/buy",
                        "tradekit.idempotent.url-patterns[0].scene=orderList")
                .run(context -> {
                    assertThat(context).hasSingleBean(IdempotentTokenHandlerInterceptor.class);
                    assertThat(context.getBean(IdempotentTokenProperties.class).getInterceptorOrder())
                            .isEqualTo(Ordered.LOWEST_PRECEDENCE - 1000).isGreaterThan(0);
                });
        assertThat(IdempotentTokenWebConfiguration.CheckConfiguration.ssoOrderProblem(1, 0)).isNull();
        assertThat(IdempotentTokenWebConfiguration.CheckConfiguration.ssoOrderProblem(0, 0))
                .contains("tradekit.idempotent.interceptor-order (0) must be greater than tradekit.sso.interceptor-order (0)");
        assertThat(IdempotentTokenWebConfiguration.CheckConfiguration.ssoOrderProblem(-5, 10)).contains("401");
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
        runner.withPropertyValues("tradekit.idempotent.redis.command-timeout=0s")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("tradekit.idempotent.redis.command-timeout"));
        runner.withPropertyValues("tradekit.idempotent.redis.retry-delay=-1s")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("tradekit.idempotent.redis.retry-delay"));
        runner.withPropertyValues("tradekit.idempotent.unspent-statuses=404,500")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("tradekit.idempotent.unspent-statuses"));
        runner.withPropertyValues("tradekit.idempotent.max-body-size=0")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("tradekit.idempotent.max-body-size"));
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
                    assertThat(properties.getRedis().getConnectTimeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(properties.getRedis().getRetryDelay()).isEqualTo(Duration.ofSeconds(1));
                    assertThat(properties.getMaxBodySize()).isEqualTo(DataSize.ofKilobytes(256));
                    assertThat(properties.getUnspentStatuses()).isEmpty();
                    assertThat(context.getBean(IdempotentTokenService.class).getTtl()).isEqualTo(Duration.ofMinutes(5));
                });
    }
}
