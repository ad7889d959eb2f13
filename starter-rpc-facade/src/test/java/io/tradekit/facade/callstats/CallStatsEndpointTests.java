package io.tradekit.facade.callstats;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.response.SingleResponse;
import io.tradekit.facade.Facade;
import io.tradekit.facade.autoconfigure.FacadeAutoConfiguration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The endpoint's numbers against calls whose outcomes and minimum durations the test decides. */
class CallStatsEndpointTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, ValidationAutoConfiguration.class,
                    MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
                    CompositeMeterRegistryAutoConfiguration.class, EndpointAutoConfiguration.class,
                    WebEndpointAutoConfiguration.class, FacadeAutoConfiguration.class,
                    CallStatsAutoConfiguration.class))
            .withUserConfiguration(ProbeConfig.class);

    /** A facade whose outcome and (minimum) duration each call chooses. */
    public interface ProbeFacade {
        SingleResponse<String> quick(String outcome);

        SingleResponse<String> slow(long sleepMillis);
    }

    @Facade
    public static class ProbeFacadeImpl implements ProbeFacade {
        @Override
        public SingleResponse<String> quick(String outcome) {
            return switch (outcome) {
                case "biz" -> throw new BizException(CommonErrorCode.NOT_FOUND, "no such thing");
                case "boom" -> throw new IllegalStateException("boom");
                default -> SingleResponse.of("ok");
            };
        }

        @Override
        public SingleResponse<String> slow(long sleepMillis) {
            try {
                Thread.sleep(sleepMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return SingleResponse.of("slow");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ProbeConfig {
        @Bean
        ProbeFacadeImpl probeFacade() {
            return new ProbeFacadeImpl();
        }
    }

    @Test
    void countsSuccessRateAverageAndP99PerFacadeMethod() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=callstats").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(CallStatsEndpoint.class);
            ProbeFacade facade = context.getBean(ProbeFacade.class);
            for (int i = 0; i < 7; i++) {
                facade.quick("ok");
            }
            facade.quick("biz");
            facade.quick("biz");
            facade.quick("boom");
            for (int i = 0; i < 4; i++) {
                facade.slow(40);
            }

            CallStatsReport report = context.getBean(CallStatsEndpoint.class).callStats();

            assertThat(report.remoteCalls()).isEmpty();
            assertThat(report.facades()).extracting(CallStats::name)
                    .containsExactly("ProbeFacadeImpl.quick", "ProbeFacadeImpl.slow");
            CallStats quick = report.facades().get(0);
            assertThat(quick.count()).isEqualTo(10);
            assertThat(quick.successes()).isEqualTo(7);
            assertThat(quick.successRate()).isEqualTo(0.7);
            assertThat(quick.averageMs()).isPositive();
            assertThat(quick.p99Ms()).isNotNull().isPositive();
            CallStats slow = report.facades().get(1);
            assertThat(slow.count()).isEqualTo(4);
            assertThat(slow.successRate()).isEqualTo(1.0);
            // Each slow call sleeps 40 ms: its average and p99 cannot be lower, whatever the machine.
            assertThat(slow.averageMs()).isGreaterThanOrEqualTo(40.0);
            assertThat(slow.p99Ms()).isGreaterThanOrEqualTo(slow.averageMs());

            // The same numbers as the timers themselves (three outcome timers of quick: SUCCESS, NOT_FOUND, SYSTEM_ERROR).
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            double total = 0;
            long count = 0;
            for (Timer timer : registry.find(CallStatsEndpoint.FACADE_METER).tag("method", "quick").timers()) {
                total += timer.totalTime(TimeUnit.MILLISECONDS);
                count += timer.count();
                assertThat(timer.takeSnapshot().histogramCounts()).as("the histogram is on").isNotEmpty();
            }
            assertThat(count).isEqualTo(10);
            assertThat(quick.averageMs()).isCloseTo(total / count, org.assertj.core.data.Offset.offset(1e-9));
        });
    }

    @Test
    void nothingCalledIsAnEmptyReport() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=callstats").run(context -> {
            CallStatsReport report = context.getBean(CallStatsEndpoint.class).callStats();
            assertThat(report.facades()).isEmpty();
            assertThat(report.remoteCalls()).isEmpty();
        });
    }

    @Test
    void notExposedMeansNoEndpointAndNoHistogram() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(CallStatsEndpoint.class)
                    .doesNotHaveBean(CallStatsHistograms.class);
            context.getBean(ProbeFacade.class).quick("ok");
            for (Timer timer : context.getBean(MeterRegistry.class).find(CallStatsEndpoint.FACADE_METER).timers()) {
                assertThat(timer.takeSnapshot().histogramCounts()).isEmpty();
            }
        });
    }

    @Test
    void remoteCallTimersAreFoldedByCallName() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=callstats").run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            Timer ok = Timer.builder(CallStatsEndpoint.REMOTE_METER).tag("call", "UserFacade.query")
                    .tag("success", "true").tag("code", "SUCCESS").register(registry);
            Timer failed = Timer.builder(CallStatsEndpoint.REMOTE_METER).tag("call", "UserFacade.query")
                    .tag("success", "false").tag("code", "REMOTE_CALL_FAILED").register(registry);
            ok.record(2, TimeUnit.MILLISECONDS);
            ok.record(4, TimeUnit.MILLISECONDS);
            ok.record(6, TimeUnit.MILLISECONDS);
            failed.record(8, TimeUnit.MILLISECONDS);

            CallStats stats = context.getBean(CallStatsEndpoint.class).callStats().remoteCalls().get(0);

            assertThat(stats.name()).isEqualTo("UserFacade.query");
            assertThat(stats.count()).isEqualTo(4);
            assertThat(stats.successRate()).isEqualTo(0.75);
            assertThat(stats.averageMs()).isEqualTo(5.0);
            // The upper bound of the bucket holding the slowest call: at least 8 ms, within one bucket (< 10 ms).
            assertThat(stats.p99Ms()).isBetween(8.0, 10.0);
        });
    }
}
