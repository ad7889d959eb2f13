package io.tradekit.facade.aop;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** A @Facade method that cannot be wrapped fails the application start-up, naming the method. */
class FacadeStartupFailureTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, ValidationAutoConfiguration.class,
                    FacadeAutoConfiguration.class));

    @Test
    void methodReturningANonResponseTypeFailsStartUp() {
        runner.withBean(StringFacade.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).isInstanceOf(FacadeDefinitionException.class)
                    .hasMessageContaining(StringFacade.class.getName() + ".name(String)")
                    .hasMessageContaining("must return a subclass of io.tradekit.core.response.BaseResponse")
                    .hasMessageContaining("java.lang.String");
        });
    }

    @Test
    void methodReturningVoidFailsStartUp() {
        runner.withBean(VoidFacade.class).run(context -> assertThat(context.getStartupFailure())
                .isInstanceOf(FacadeDefinitionException.class).hasMessageContaining(VoidFacade.class.getName() + ".run()"));
    }

    @Test
    void typeLevelFacadeChecksEveryPublicMethod() {
        runner.withBean(TypeLevelFacade.class).run(context -> assertThat(context.getStartupFailure())
                .isInstanceOf(FacadeDefinitionException.class)
                .hasMessageContaining(TypeLevelFacade.class.getName() + ".count()"));
    }

    @Test
    void abstractResponseTypeFailsStartUp() {
        runner.withBean(AbstractResponseFacade.class).run(context -> assertThat(context.getStartupFailure())
                .isInstanceOf(FacadeDefinitionException.class).hasMessageContaining("abstract type")
                .hasMessageContaining(AbstractResponseFacade.class.getName() + ".get()"));
    }

    @Test
    void responseTypeWithoutPublicNoArgumentConstructorFailsStartUp() {
        runner.withBean(NoConstructorFacade.class).run(context -> assertThat(context.getStartupFailure())
                .isInstanceOf(FacadeDefinitionException.class)
                .hasMessageContaining("public no-argument constructor")
                .hasMessageContaining(NoConstructorFacade.class.getName() + ".get()"));
    }

    @Test
    void parameterConstraintAddedInAnOverridingMethodFailsStartUp() {
        runner.withBean(StrengthenedFacade.class).run(context -> assertThat(context.getStartupFailure())
                .isInstanceOf(FacadeDefinitionException.class).hasMessageContaining("Invalid constraints on")
                .hasMessageContaining("HV000151")
                .hasMessageContaining(StrengthenedFacade.class.getName() + ".get(String)"));
    }

    @Test
    void lazyBeanFailsOnItsFirstCallInstead() {
        runner.withUserConfiguration(LazyConfig.class).run(context -> {
            assertThat(context).hasNotFailed();
            StringFacade facade = context.getBean(StringFacade.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> facade.name("x"))
                    .isInstanceOf(FacadeDefinitionException.class).hasMessageContaining(".name(String)");
        });
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

    @Configuration(proxyBeanMethods = false)
    static class LazyConfig {
        @Bean
        @Lazy
        StringFacade stringFacade() {
            return new StringFacade();
        }
    }
}
