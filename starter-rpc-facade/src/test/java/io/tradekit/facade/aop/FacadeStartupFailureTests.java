package io.tradekit.facade.aop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradekit.core.response.BaseResponse;
import io.tradekit.facade.Facade;
import io.tradekit.facade.FacadeDefinitionException;
import io.tradekit.facade.autoconfigure.FacadeAutoConfiguration;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.PriorityOrdered;

/** A @Facade method that cannot take effect fails the application start-up, naming the method and why. */
class FacadeStartupFailureTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, ValidationAutoConfiguration.class,
                    FacadeAutoConfiguration.class));

    @Test
    void methodReturningANonResponseTypeFailsStartUp() {
        runner.withBean(StringFacade.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).isInstanceOf(FacadeDefinitionException.class)
                    .hasMessageContaining(StringFacade.class.getName() + "#name(String)")
                    .hasMessageContaining("must return a subclass of io.tradekit.core.response.BaseResponse")
                    .hasMessageContaining("java.lang.String");
        });
    }

    @Test
    void methodReturningVoidFailsStartUp() {
        runner.withBean(VoidFacade.class).run(context -> assertThat(context.getStartupFailure())
                .isInstanceOf(FacadeDefinitionException.class).hasMessageContaining(VoidFacade.class.getName() + "#run()"));
    }

    @Test
    void typeLevelFacadeChecksEveryPublicMethod() {
        runner.withBean(TypeLevelFacade.class).run(context -> assertThat(context.getStartupFailure())
                .isInstanceOf(FacadeDefinitionException.class)
                .hasMessageContaining(TypeLevelFacade.class.getName() + "#count()"));
    }

    @Test
    void abstractResponseTypeFailsStartUp() {
        runner.withBean(AbstractResponseFacade.class).run(context -> assertThat(context.getStartupFailure())
                .isInstanceOf(FacadeDefinitionException.class).hasMessageContaining("abstract type")
                .hasMessageContaining(AbstractResponseFacade.class.getName() + "#get()"));
    }

    @Test
    void responseTypeWithoutPublicNoArgumentConstructorFailsStartUp() {
        runner.withBean(NoConstructorFacade.class).run(context -> assertThat(context.getStartupFailure())
                .isInstanceOf(FacadeDefinitionException.class)
                .hasMessageContaining("public no-argument constructor")
                .hasMessageContaining(NoConstructorFacade.class.getName() + "#get()"));
    }

    @Test
    void parameterConstraintAddedInAnOverridingMethodFailsStartUp() {
        runner.withBean(StrengthenedFacade.class).run(context -> assertThat(context.getStartupFailure())
                .isInstanceOf(FacadeDefinitionException.class).hasMessageContaining("Invalid constraints on")
                .hasMessageContaining("HV000151")
                .hasMessageContaining(StrengthenedFacade.class.getName() + "#get(String)"));
    }

    @Test
    void lazyBeanIsCheckedFromItsTypeAtStartUp() {
        runner.withUserConfiguration(LazyConfig.class).run(context -> assertThat(context.getStartupFailure())
                .isInstanceOf(FacadeDefinitionException.class)
                .hasMessageContaining(StringFacade.class.getName() + "#name(String)"));
    }

    @Test
    void beanWhoseTypeIsKnownOnlyOnceCreatedFailsOnItsFirstCall() {
        runner.withUserConfiguration(LazyUntypedConfig.class).run(context -> {
            assertThat(context).hasNotFailed();
            StringFacade facade = context.getBean("stringFacade", StringFacade.class);
            assertThatThrownBy(() -> facade.name("x")).isInstanceOf(FacadeDefinitionException.class)
                    .hasMessageContaining("#name(String)");
        });
    }

    @Test
    void finalMethodFailsStartUpNamingItAndWhy() {
        runner.withBean(FinalMethodFacade.class).run(context -> assertThat(context.getStartupFailure())
                .isInstanceOf(FacadeDefinitionException.class)
                .hasMessageContaining(FinalMethodFacade.class.getName() + "#get(String)")
                .hasMessageContaining("it is final"));
    }

    @Test
    void privateMethodFailsStartUpNamingItAndWhy() {
        runner.withBean(PrivateMethodFacade.class).run(context -> assertThat(context.getStartupFailure())
                .isInstanceOf(FacadeDefinitionException.class)
                .hasMessageContaining(PrivateMethodFacade.class.getName() + "#hidden()")
                .hasMessageContaining("it is private"));
    }

    @Test
    void staticMethodFailsStartUpNamingItAndWhy() {
        runner.withBean(StaticMethodFacade.class).run(context -> assertThat(context.getStartupFailure())
                .isInstanceOf(FacadeDefinitionException.class)
                .hasMessageContaining(StaticMethodFacade.class.getName() + "#create()")
                .hasMessageContaining("it is static"));
    }

    @Test
    void methodOfAFinalClassFailsStartUpNamingItAndWhy() {
        runner.withBean(FinalClassFacade.class).run(context -> assertThat(context.getStartupFailure())
                .isInstanceOf(FacadeDefinitionException.class)
                .hasMessageContaining(FinalClassFacade.class.getName() + "#get()")
                .hasMessageContaining("its class is final"));
    }

    @Test
    void typeLevelFacadeOnAFinalClassFailsStartUpNamingAMethod() {
        runner.withBean(FinalTypeLevelFacade.class).run(context -> assertThat(context.getStartupFailure())
                .isInstanceOf(FacadeDefinitionException.class)
                .hasMessageContaining(FinalTypeLevelFacade.class.getName() + "#get()")
                .hasMessageContaining("its class is final"));
    }

    @Test
    void typeLevelFacadeLeavesPrivateAndStaticHelpersAlone() {
        runner.withBean(TypeLevelWithHelpers.class).run(context -> {
            assertThat(context).hasNotFailed();
            BaseResponse response = context.getBean(TypeLevelWithHelpers.class).fail();
            assertThat(response.getCode()).as("the public method is wrapped").isEqualTo("SYSTEM_ERROR");
        });
    }

    @Test
    void beanCreatedBeforeTheAutoProxyCreatorFailsStartUpInsteadOfRunningUnwrapped() {
        runner.withUserConfiguration(EarlyBeanConfig.class).run(context -> assertThat(context.getStartupFailure())
                .isInstanceOf(FacadeDefinitionException.class)
                .hasMessageContaining(TypeLevelWithHelpers.class.getName() + "#fail()")
                .hasMessageContaining("bean 'earlyFacade' would run unwrapped"));
    }

    @Test
    void disabledStarterDoesNotCheck() {
        runner.withPropertyValues("tradekit.facade.enabled=false").withBean(StringFacade.class)
                .run(context -> assertThat(context).hasNotFailed());
    }

    public static class StringFacade {
        @Facade
        public String name(String in) {
            return in;
        }
    }

    public static class VoidFacade {
        @Facade
        public void run() {
        }
    }

    @Facade
    public static class TypeLevelFacade {
        public BaseResponse ok() {
            return new BaseResponse();
        }

        public int count() {
            return 1;
        }
    }

    public abstract static class AbstractResponse extends BaseResponse {
        private static final long serialVersionUID = 1L;
    }

    public static class AbstractResponseFacade {
        @Facade
        public AbstractResponse get() {
            return null;
        }
    }

    public static class NoConstructorResponse extends BaseResponse {
        private static final long serialVersionUID = 1L;

        public NoConstructorResponse(String required) {
        }
    }

    public static class NoConstructorFacade {
        @Facade
        public NoConstructorResponse get() {
            return null;
        }
    }

    public interface Unconstrained {
        BaseResponse get(String id);
    }

    public static class StrengthenedFacade implements Unconstrained {
        @Facade
        @Override
        public BaseResponse get(@NotBlank String id) {
            return new BaseResponse();
        }
    }

    public static class FinalMethodFacade {
        @Facade
        public final BaseResponse get(String id) {
            return new BaseResponse();
        }
    }

    public static class PrivateMethodFacade {
        public BaseResponse open() {
            return hidden();
        }

        @Facade
        private BaseResponse hidden() {
            return new BaseResponse();
        }
    }

    public static class StaticMethodFacade {
        @Facade
        public static BaseResponse create() {
            return new BaseResponse();
        }
    }

    public static final class FinalClassFacade {
        @Facade
        public BaseResponse get() {
            return new BaseResponse();
        }
    }

    @Facade
    public static final class FinalTypeLevelFacade {
        public BaseResponse get() {
            return new BaseResponse();
        }
    }

    @Facade
    public static class TypeLevelWithHelpers {
        public BaseResponse fail() {
            throw new IllegalStateException(helper());
        }

        private String helper() {
            return "boom";
        }

        static String constant() {
            return "c";
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class EarlyBeanConfig {
        @Bean
        TypeLevelWithHelpers earlyFacade() {
            return new TypeLevelWithHelpers();
        }

        /** A PriorityOrdered post-processor needing the facade: Spring creates both before any auto-proxy creator. */
        @Bean
        static EarlyPostProcessor earlyPostProcessor(TypeLevelWithHelpers earlyFacade) {
            return new EarlyPostProcessor(earlyFacade);
        }
    }

    static class EarlyPostProcessor implements BeanPostProcessor, PriorityOrdered {
        final TypeLevelWithHelpers facade;

        EarlyPostProcessor(TypeLevelWithHelpers facade) {
            this.facade = facade;
        }

        @Override
        public int getOrder() {
            return 0;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class LazyUntypedConfig {
        /** Declared as Object: only the created bean tells that it has @Facade methods. */
        @Bean
        @Lazy
        Object stringFacade() {
            return new StringFacade();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class LazyConfig {
        @Bean
        @Lazy
        StringFacade stringFacade() {
            return new StringFacade();
        }
    }
}
