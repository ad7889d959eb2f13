package io.tradekit.benchmarks.facade;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tradekit.facade.FacadeMetrics;
import io.tradekit.facade.micrometer.MicrometerFacadeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The cost of the facade's timer ({@code tradekit.facade.calls}) into the {@code PrometheusMeterRegistry},
 * as a ratio against the same facade with no registry, on a busy machine: both variants live in one JVM
 * (two contexts of {@link FacadeBenchmark.BenchConfig}), and short batches of {@code facadeValid} calls
 * alternate between them, the order switching every round, so a load spike of the machine hits both sides of
 * a round alike. The median of the per-round ratios is the result; JMH's long sequential trials
 * ({@code FacadeBenchmark -p registry=none,prometheus}) cannot separate a 1 % cost from a load average of 20.
 *
 * <pre>
 * java -Dfacade.level=WARN -cp benchmarks/target/benchmarks.jar \
 *   io.tradekit.benchmarks.facade.FacadeMetricsOverheadRun [callsPerBatch] [rounds]
 * </pre>
 * {@code -Dfacade.level=WARN} switches the facade's INFO line off (the line costs microseconds and would hide
 * the timer); leave it out to measure with the line, as an application runs by default.
 *
 * <p>Then the recording alone, in nanoseconds: {@code MicrometerFacadeMetrics.record} on a Prometheus registry
 * against {@link FacadeMetrics#NONE}, the same alternation, a million calls a batch: what the timer adds to
 * every facade call, whatever the machine's load does to the whole call's time.
 */
public final class FacadeMetricsOverheadRun {

    private FacadeMetricsOverheadRun() {
    }

    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        BenchOrderRequest valid = BenchOrderRequest.of("b-1", "nft-7", 2, "13812345678", "gift");
        try (ConfigurableApplicationContext none = start("none");
             ConfigurableApplicationContext prometheus = start("prometheus")) {
            BenchOrderFacade plain = none.getBean(BenchOrderFacade.class);
            BenchOrderFacade timed = prometheus.getBean(BenchOrderFacade.class);
            if (!none.getBeanProvider(MeterRegistry.class).stream().toList().isEmpty()) {
                throw new IllegalStateException("the baseline must have no registry");
            }
            MeterRegistry registry = prometheus.getBean(MeterRegistry.class);
            for (int i = 0; i < 5; i++) { // warm-up, not reported
                batch(plain, valid, calls);
                batch(timed, valid, calls);
            }
            List<Double> ratios = new ArrayList<>();
            List<Double> plainNs = new ArrayList<>();
            List<Double> timedNs = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                double p;
                double t;
                if (round % 2 == 0) {
                    p = batch(plain, valid, calls);
                    t = batch(timed, valid, calls);
                } else {
                    t = batch(timed, valid, calls);
                    p = batch(plain, valid, calls);
                }
                plainNs.add(p);
                timedNs.add(t);
                ratios.add(t / p);
            }
            Timer timer = registry.get(MicrometerFacadeMetrics.TIMER_NAME).tag("success", "true").timer();
            long expected = (long) (rounds + 5) * calls;
            if (timer.count() < expected) {
                throw new IllegalStateException("the timer recorded " + timer.count() + " calls, expected " + expected);
            }
            System.out.printf(Locale.ROOT, "%d rounds x %d calls per variant, %d cores, facade.level=%s%n", rounds, calls,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("facade.level", "INFO"));
            System.out.printf(Locale.ROOT, "no registry: median %.0f ns/call (quartiles %.0f..%.0f)%n",
                    median(plainNs), quantile(plainNs, 0.25), quantile(plainNs, 0.75));
            System.out.printf(Locale.ROOT, "prometheus : median %.0f ns/call (quartiles %.0f..%.0f)%n",
                    median(timedNs), quantile(timedNs, 0.25), quantile(timedNs, 0.75));
            System.out.printf(Locale.ROOT, "prometheus / none per round: median %.3f (quartiles %.3f..%.3f);"
                            + " fastest batches %.0f vs %.0f ns/call, ratio %.3f%n", median(ratios), quantile(ratios, 0.25),
                    quantile(ratios, 0.75), quantile(timedNs, 0), quantile(plainNs, 0),
                    quantile(timedNs, 0) / quantile(plainNs, 0));
            System.out.printf(Locale.ROOT, "timer count %d, scrape of the registry %d bytes%n", timer.count(),
                    ((io.micrometer.prometheusmetrics.PrometheusMeterRegistry) registry).scrape().length());
        }
        recordingAlone(rounds);
    }

    private static void recordingAlone(int rounds) {
        FacadeMetrics none = FacadeMetrics.NONE;
        FacadeMetrics prometheus = new MicrometerFacadeMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        int calls = 1_000_000;
        for (int i = 0; i < 5; i++) {
            records(none, calls);
            records(prometheus, calls);
        }
        List<Double> added = new ArrayList<>();
        List<Double> timed = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            double n;
            double t;
            if (round % 2 == 0) {
                n = records(none, calls);
                t = records(prometheus, calls);
            } else {
                t = records(prometheus, calls);
                n = records(none, calls);
            }
            timed.add(t);
            added.add(t - n);
        }
        // The fastest batch is the one the scheduler interrupted least: on a loaded machine the floor.
        System.out.printf(Locale.ROOT, "record() into Prometheus: median %.1f ns/call (quartiles %.1f..%.1f, fastest batch"
                        + " %.1f); added over NONE: median %.1f ns%n", median(timed), quantile(timed, 0.25),
                quantile(timed, 0.75), quantile(timed, 0), median(added));
    }

    /** Nanoseconds per record() of one batch; two methods and both outcomes, as a facade of two methods records. */
    private static double records(FacadeMetrics metrics, int calls) {
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            metrics.record("BenchOrderFacadeImpl", (i & 1) == 0 ? "place" : "cancel", (i & 7) != 0,
                    (i & 7) != 0 ? "SUCCESS" : "PARAM_INVALID", 1_000 + (i & 1023));
        }
        return (System.nanoTime() - start) / (double) calls;
    }

    private static ConfigurableApplicationContext start(String registry) {
        return new SpringApplicationBuilder(FacadeBenchmark.BenchConfig.class).web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "tradekit.dev-services.enabled=false",
                        "logging.config=classpath:logback-facade-bench.xml", "bench.registry=" + registry,
                        "spring.application.name=facade-" + registry)
                .run();
    }

    /** Nanoseconds per call of one batch. */
    private static double batch(BenchOrderFacade facade, BenchOrderRequest request, int calls) {
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            if (!facade.place(request).isSuccess()) {
                throw new IllegalStateException("a valid call failed");
            }
        }
        return (System.nanoTime() - start) / (double) calls;
    }

    private static double median(List<Double> values) {
        return quantile(values, 0.5);
    }

    private static double quantile(List<Double> values, double q) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double index = q * (sorted.size() - 1);
        int low = (int) Math.floor(index);
        int high = (int) Math.ceil(index);
        return sorted.get(low) + (sorted.get(high) - sorted.get(low)) * (index - low);
    }
}
