package io.tradekit.benchmarks.facade;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tradekit.core.response.SingleResponse;
import io.tradekit.facade.autoconfigure.FacadeAutoConfiguration;
import jakarta.validation.Validator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.aop.aspectj.annotation.AspectJProxyFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code @Facade} (validation + error mapping + one masked INFO log line to an async appender +
 * trace id) against a plain {@code @Around} aspect that only validates, on the same bean class
 * with five constraints, and against the same aspect logging one plain JSON line per call
 * ({@link LoggingValidatingAspect}). {@code -Dfacade.level=WARN} in the fork's JVM arguments turns the
 * facade's INFO line off. {@code -p registry=none,simple,prometheus} measures the timer
 * {@code tradekit.facade.calls} into no registry (the default: the facade records nothing), Micrometer's
 * {@code SimpleMeterRegistry} or the {@code PrometheusMeterRegistry} that {@code /actuator/prometheus}
 * scrapes. Results and the command: {@code benchmarks/RESULTS.md} (tradekit-rpc-facade).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "-Dlogback.configurationFile=logback-facade-bench.xml"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FacadeBenchmark {

    /** Where the facade's timer records: {@code none}, {@code simple} or {@code prometheus}. */
    @Param({"none"})
    public String registry;

    private ConfigurableApplicationContext context;
    private BenchOrderFacade facade;
    private BenchOrderFacade baseline;
    private BenchOrderFacade loggedBaseline;
    private BenchOrderFacade minimalLineBaseline;
    private final BenchOrderRequest valid = BenchOrderRequest.of("b-1", "nft-7", 2, "13812345678", "gift");
    private final BenchOrderRequest invalid = BenchOrderRequest.of("", "nft-7", 0, "13812345678", "gift");

    @Setup(Level.Trial)
    public void start() {
        context = new SpringApplicationBuilder(BenchConfig.class).web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "tradekit.dev-services.enabled=false",
                        "logging.config=classpath:logback-facade-bench.xml", "bench.registry=" + registry)
                .run();
        facade = context.getBean(BenchOrderFacade.class);
        AspectJProxyFactory factory = new AspectJProxyFactory(new BenchOrderFacadeImpl());
        factory.setProxyTargetClass(true);
        factory.addAspect(new ValidatingAspect(context.getBean(Validator.class).forExecutables()));
        baseline = factory.getProxy();
        loggedBaseline = loggingBaseline(true);
        minimalLineBaseline = loggingBaseline(false);
        if (!facade.place(valid).isSuccess() || facade.place(invalid).isSuccess()
                || !baseline.place(valid).isSuccess() || !loggedBaseline.place(valid).isSuccess()
                || !minimalLineBaseline.place(valid).isSuccess()) {
            throw new IllegalStateException("benchmark set-up is wrong");
        }
        // The variant really records (or really does not): the timer exists exactly when a registry does.
        boolean timed = context.getBeanProvider(MeterRegistry.class).stream()
                .anyMatch(meters -> !meters.find("tradekit.facade.calls").timers().isEmpty());
        if (timed == registry.equals("none")) {
            throw new IllegalStateException("registry=" + registry + " but the facade timer exists: " + timed);
        }
    }

    private BenchOrderFacade loggingBaseline(boolean payload) {
        AspectJProxyFactory factory = new AspectJProxyFactory(new BenchOrderFacadeImpl());
        factory.setProxyTargetClass(true);
        factory.addAspect(new LoggingValidatingAspect(context.getBean(Validator.class).forExecutables(), payload));
        return factory.getProxy();
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.close();
    }

    @Benchmark
    public SingleResponse<String> baselineValid() {
        return baseline.place(valid);
    }

    /** Validates and logs one plain JSON line per call, as a hand-written logging aspect would. */
    @Benchmark
    public SingleResponse<String> baselineValidLogged() {
        return loggedBaseline.place(valid);
    }

    /**
     * Validates and logs the smallest per-call line (method and elapsed time, no payload): the floor that
     * one log event through the async appender adds to {@link #baselineValid()}.
     */
    @Benchmark
    public SingleResponse<String> baselineValidMinimalLine() {
        return minimalLineBaseline.place(valid);
    }

    @Benchmark
    public SingleResponse<String> facadeValid() {
        return facade.place(valid);
    }

    @Benchmark
    public SingleResponse<String> facadeInvalid() {
        return facade.place(invalid);
    }

    /** Only the auto-configurations the facade needs: nothing else on the benchmark classpath starts. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({AopAutoConfiguration.class, ValidationAutoConfiguration.class,
            FacadeAutoConfiguration.class})
    static class BenchConfig {

        @Bean
        BenchOrderFacadeImpl benchOrderFacade() {
            return new BenchOrderFacadeImpl();
        }

        @Bean
        @ConditionalOnProperty(name = "bench.registry", havingValue = "simple")
        MeterRegistry simpleRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        @ConditionalOnProperty(name = "bench.registry", havingValue = "prometheus")
        MeterRegistry prometheusRegistry() {
            return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        }
    }
}
