package io.tradekit.facade.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.core.response.BaseResponse;
import io.tradekit.facade.Facade;
import io.tradekit.facade.FacadeDefinitionException;
import io.tradekit.facade.aop.FacadeAdvisor;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;

/**
 * The aspect never silently does nothing: without Jakarta Validation the start-up fails naming
 * the first @Facade method; {@code enabled=false} runs them unwrapped with one WARN; bad settings
 * fail naming the property.
 */
@ExtendWith(OutputCaptureExtension.class)
class FacadeFailClosedTests {

    private static final String UNWRAPPED_WARNING = "tradekit.facade.enabled=false:";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, ValidationAutoConfiguration.class,
                    FacadeAutoConfiguration.class));

    /** Hibernate Validator excluded: the API may stay (another library brings it), the provider is gone. */
    private static FilteredClassLoader withoutValidationProvider() {
        return new FilteredClassLoader(new ClassPathResource("META-INF/services/jakarta.validation.spi.ValidationProvider"));
    }

    @Test
    void missingValidationProviderFailsStartUpNamingTheMethodAndWhatToAdd() {
        runner.withClassLoader(withoutValidationProvider()).withBean(ExampleFacade.class).run(context -> {
            assertThat(context.getStartupFailure()).isInstanceOf(FacadeDefinitionException.class)
                    .hasMessageContaining("@Facade method " + ExampleFacade.class.getName() + "#")
                    .hasMessageContaining("bean 'facadeFailClosedTests.ExampleFacade'")
                    .hasMessageContaining("(1 more @Facade method(s) need it)")
                    .hasMessageContaining("add org.hibernate.validator:hibernate-validator")
                    .hasMessageContaining("tradekit.facade.enabled=false");
        });
    }

    @Test
    void missingValidationApiFailsStartUpTheSameWay() {
        runner.withClassLoader(new FilteredClassLoader("jakarta.validation")).withBean(ExampleFacade.class)
                .run(context -> assertThat(context.getStartupFailure()).isInstanceOf(FacadeDefinitionException.class)
                        .hasMessageContaining(ExampleFacade.class.getName() + "#")
                        .hasMessageContaining("add org.hibernate.validator:hibernate-validator"));
    }

    @Test
    void missingValidationIsHarmlessWithoutFacadeMethods() {
        runner.withClassLoader(withoutValidationProvider()).withBean(PlainBean.class).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(FacadeAdvisor.class);
        });
    }

    @Test
    void enabledFalseRunsFacadeMethodsUnwrappedWithExactlyOneWarningNamingThem(CapturedOutput output) {
        runner.withPropertyValues("tradekit.facade.enabled=false").withBean(ExampleFacade.class)
                .withBean(OtherFacade.class).run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(FacadeAdvisor.class);
                    ExampleFacade facade = context.getBean(ExampleFacade.class);
                    assertThat(AopUtils.isAopProxy(facade)).isFalse();
                    assertThat(facade.find(" ").getCode()).as("no validation, the body ran").isEqualTo("RAN");
                });
        String log = output.getAll();
        assertThat(log.split(UNWRAPPED_WARNING, -1)).as("exactly one warning").hasSize(2);
        String warning = log.lines().filter(line -> line.contains(UNWRAPPED_WARNING)).findFirst().orElseThrow();
        assertThat(warning).contains("WARN").contains("3 @Facade method(s) run unwrapped")
                .contains(ExampleFacade.class.getName() + "#find(String)")
                .contains(ExampleFacade.class.getName() + "#remove(String)")
                .contains(OtherFacade.class.getName() + "#get()");
    }

    @Test
    void enabledFalseWithoutValidationStillOnlyWarns(CapturedOutput output) {
        runner.withClassLoader(withoutValidationProvider()).withPropertyValues("tradekit.facade.enabled=false")
                .withBean(ExampleFacade.class).run(context -> assertThat(context).hasNotFailed());
        assertThat(output.getAll()).contains(UNWRAPPED_WARNING);
    }

    @Test
    void enabledFalseWithoutFacadeMethodsSaysNothing(CapturedOutput output) {
        runner.withPropertyValues("tradekit.facade.enabled=false").withBean(PlainBean.class)
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(output.getAll()).doesNotContain(UNWRAPPED_WARNING);
    }

    @Test
    void facadeMethodsAreWrappedEvenWithSpringBootsAopAutoConfigurationOff() {
        runner.withPropertyValues("spring.aop.auto=false").withBean(ExampleFacade.class).run(context -> {
            assertThat(context).hasNotFailed();
            ExampleFacade facade = context.getBean(ExampleFacade.class);
            assertThat(AopUtils.isCglibProxy(facade)).isTrue();
            assertThat(facade.find(" ").getCode()).isEqualTo("PARAM_INVALID");
        });
    }

    @Test
    void negativeSlowThresholdFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("tradekit.facade.slow-threshold=-1s").run(context -> assertThat(context)
                .getFailure().rootCause().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tradekit.facade.slow-threshold must be zero or positive"));
    }

    @Test
    void payloadLengthBelowOneFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("tradekit.facade.max-payload-length=0").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageContaining("tradekit.facade.max-payload-length must be at least 1"));
    }

    @Test
    void badSettingsFailEvenWhileDisabled() {
        runner.withPropertyValues("tradekit.facade.enabled=false", "tradekit.facade.max-payload-length=-5")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("tradekit.facade.max-payload-length must be at least 1, was -5"));
    }

    @Test
    void unparsableValueFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("tradekit.facade.slow-threshold=soon").run(context -> assertThat(context)
                .getFailure().hasStackTraceContaining("tradekit.facade.slow-threshold"));
    }

    public static class ExampleFacade {
        @Facade
        public BaseResponse find(@NotBlank String id) {
            BaseResponse response = new BaseResponse();
            response.markFailure("RAN", "the body ran");
            return response;
        }

        @Facade
        public BaseResponse remove(String id) {
            return new BaseResponse();
        }
    }

    @Facade
    public static class OtherFacade {
        public BaseResponse get() {
            return new BaseResponse();
        }
    }

    public static class PlainBean {
        public String name() {
            return "plain";
        }
    }
}
