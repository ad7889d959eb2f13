package io.tradekit.facade.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.tradekit.facade.FacadeMetrics;
import io.tradekit.facade.aop.FacadeAdvisor;
import io.tradekit.facade.aop.FacadeCallLogger;
import io.tradekit.facade.aop.FacadeInterceptor;
import io.tradekit.facade.aop.FacadeMethodRegistry;
import io.tradekit.facade.aop.FacadeMethodVerifier;
import io.tradekit.facade.micrometer.MicrometerFacadeMetrics;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnResource;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.validation.MessageInterpolatorFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;

/**
 * Auto-configuration of {@link io.tradekit.facade.Facade}: the {@link FacadeAdvisor} with its
 * {@link FacadeInterceptor} (and an auto-proxy creator if the context has none), the start-up
 * {@link FacadeMethodVerifier}, the Micrometer timer and the switch of the Dubbo provider trace
 * filter, configured by {@link FacadeProperties}.
 *
 * <p>The aspect needs Jakarta Validation (API and a provider, such as the Hibernate Validator this
 * starter brings). Without it, or with {@code tradekit.facade.enabled=false}, a
 * {@link FacadeAspectAbsence} stands in: the start-up fails naming the first {@code @Facade}
 * method, or, when disabled, one WARN names them all.
 *
 * <p>The AOP beans are static and read their properties from the {@link Environment} so that
 * creating the advisor early (auto-proxy creators do) creates no other bean; the validator and
 * the meter registry are resolved on the first call.
 */
@AutoConfiguration(after = {ValidationAutoConfiguration.class, AopAutoConfiguration.class})
@EnableConfigurationProperties(FacadeProperties.class)
public class FacadeAutoConfiguration {

    static final String PREFIX = FacadeProperties.PREFIX;

    /** The service file every Jakarta Validation provider ships; Spring Boot's validation looks for it too. */
    static final String VALIDATION_PROVIDER = "classpath:META-INF/services/jakarta.validation.spi.ValidationProvider";

    /** Binds and checks the properties without creating the properties bean, which the AOP beans must not need. */
    static FacadeProperties properties(Environment environment) {
        FacadeProperties properties = Binder.get(environment).bindOrCreate(PREFIX, FacadeProperties.class);
        properties.validate(PREFIX);
        return properties;
    }

    /** The aspect itself, unless {@code tradekit.facade.enabled=false} or Jakarta Validation is missing. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = PREFIX, name = "enabled", matchIfMissing = true)
    @ConditionalOnClass(Validator.class)
    @ConditionalOnResource(resources = VALIDATION_PROVIDER)
    @Import(FacadeAutoProxyRegistrar.class)
    static class FacadeAspectConfiguration {

        @Bean
        @ConditionalOnMissingBean
        @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
        static FacadeMethodRegistry facadeMethodRegistry(ObjectProvider<Validator> validators) {
            return new FacadeMethodRegistry(SingletonSupplier.of(() -> {
                Validator validator = validators.getIfUnique();
                return validator != null ? validator : defaultValidator();
            }));
        }

        /** Without Spring Boot's validator bean: the provider's, with Boot's fallback when EL is missing. */
        private static Validator defaultValidator() {
            return Validation.byDefaultProvider().configure()
                    .messageInterpolator(new MessageInterpolatorFactory().getObject())
                    .buildValidatorFactory().getValidator();
        }

        @Bean
        @ConditionalOnMissingBean
        @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
        static FacadeCallLogger facadeCallLogger(Environment environment) {
            FacadeProperties properties = properties(environment);
            return new FacadeCallLogger(properties.getSlowThreshold(), properties.getMaxPayloadLength(),
                    properties.isLogPayload());
        }

        @Bean
        @ConditionalOnMissingBean
        @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
        static FacadeInterceptor facadeInterceptor(FacadeMethodRegistry facadeMethodRegistry,
                FacadeCallLogger facadeCallLogger, ObjectProvider<FacadeMetrics> metrics) {
            return new FacadeInterceptor(facadeMethodRegistry, facadeCallLogger,
                    SingletonSupplier.of(() -> metrics.getIfUnique(() -> FacadeMetrics.NONE)));
        }

        @Bean
        @ConditionalOnMissingBean
        @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
        static FacadeAdvisor facadeAdvisor(FacadeInterceptor facadeInterceptor, Environment environment) {
            return new FacadeAdvisor(facadeInterceptor, properties(environment).getOrder());
        }

        @Bean
        @ConditionalOnMissingBean
        @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
        static FacadeMethodVerifier facadeMethodVerifier(ConfigurableListableBeanFactory beanFactory,
                FacadeMethodRegistry facadeMethodRegistry) {
            return new FacadeMethodVerifier(beanFactory, facadeMethodRegistry);
        }
    }

    /** Warns about, or refuses, @Facade methods while the aspect is off. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(AspectInactiveCondition.class)
    static class FacadeAspectAbsentConfiguration {

        @Bean
        @ConditionalOnMissingBean
        static FacadeAspectAbsence facadeAspectAbsence(ConfigurableListableBeanFactory beanFactory,
                Environment environment) {
            return new FacadeAspectAbsence(beanFactory, !properties(environment).isEnabled());
        }
    }

    /** Matches when {@link FacadeAspectConfiguration} does not. */
    static final class AspectInactiveCondition extends NoneNestedConditions {

        AspectInactiveCondition() {
            super(ConfigurationPhase.PARSE_CONFIGURATION);
        }

        @ConditionalOnProperty(prefix = PREFIX, name = "enabled", matchIfMissing = true)
        @ConditionalOnClass(name = "jakarta.validation.Validator")
        @ConditionalOnResource(resources = VALIDATION_PROVIDER)
        static final class AspectActive {
        }
    }

    /** The timer {@code tradekit.facade}, unless {@code tradekit.facade.metrics.enabled=false}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnProperty(prefix = PREFIX, name = {"enabled", "metrics.enabled"}, matchIfMissing = true)
    static class FacadeMetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        FacadeMetrics facadeMetrics(ObjectProvider<MeterRegistry> registry) {
            MeterRegistry meterRegistry = registry.getIfUnique();
            return meterRegistry != null ? new MicrometerFacadeMetrics(meterRegistry) : FacadeMetrics.NONE;
        }
    }

    /** Sets the switch of the Dubbo provider filter from the properties, when Dubbo is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.dubbo.rpc.Filter")
    static class DubboTraceFilterConfiguration {

        @Bean
        @ConditionalOnMissingBean
        FacadeTraceFilterSwitch facadeTraceFilterSwitch(FacadeProperties properties) {
            return new FacadeTraceFilterSwitch(properties.isEnabled() && properties.getDubboFilter().isEnabled());
        }
    }
}
