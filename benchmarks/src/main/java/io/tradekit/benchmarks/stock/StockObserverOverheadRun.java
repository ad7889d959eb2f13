package io.tradekit.benchmarks.stock;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tradekit.stock.StockCode;
import io.tradekit.stock.StockObserver;
import io.tradekit.stock.StockResult;
import io.tradekit.stock.autoconfigure.MicrometerStockObserver;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What the stock meters add to one deduction, in nanoseconds: {@code StockService} calls its observer once
 * per deduction, so the starter's {@code MicrometerStockObserver} on a {@code PrometheusMeterRegistry} against
 * {@link StockObserver#NONE}, in alternating batches (the order switching every round) so the machine's load
 * hits both alike. Set against the deduction's own cost ({@link StockDeductBenchmark}: tens of microseconds of
 * client CPU and a Redis round trip), this bounds the meters' share where the full benchmark's noise cannot.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.tradekit.benchmarks.stock.StockObserverOverheadRun [callsPerBatch] [rounds]
 * </pre>
 */
public final class StockObserverOverheadRun {

    private static volatile long sink;

    private StockObserverOverheadRun() {
    }

    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        StockObserver counted = new MicrometerStockObserver(registry);
        StockObserver none = StockObserver.NONE;
        StockResult[] results = {
            new StockResult(true, StockCode.SUCCESS, 10, 9, false, 1L),
            new StockResult(false, StockCode.NOT_ENOUGH, 1, 1, false, 1L),
            new StockResult(false, StockCode.SOLD_OUT, 0, 0, false, 1L),
            new StockResult(true, StockCode.SUCCESS, 10, 9, true, 1L)};
        for (int i = 0; i < 5; i++) {
            batch(none, results, calls);
            batch(counted, results, calls);
        }
        List<Double> noneNs = new ArrayList<>();
        List<Double> countedNs = new ArrayList<>();
        List<Double> diff = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            double n;
            double c;
            if (round % 2 == 0) {
                n = batch(none, results, calls);
                c = batch(counted, results, calls);
            } else {
                c = batch(counted, results, calls);
                n = batch(none, results, calls);
            }
            noneNs.add(n);
            countedNs.add(c);
            diff.add(c - n);
        }
        double total = registry.get("tradekit.stock.deductions").counters().stream().mapToDouble(x -> x.count()).sum();
        if (total < (double) (rounds + 5) * calls) {
            throw new IllegalStateException("the counters missed calls: " + total);
        }
        System.out.printf(Locale.ROOT, "%d rounds x %d calls per variant, %d cores%n", rounds, calls,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "StockObserver.NONE        : median %.1f ns/call (quartiles %.1f..%.1f)%n",
                median(noneNs), quantile(noneNs, 0.25), quantile(noneNs, 0.75));
        System.out.printf(Locale.ROOT, "Micrometer on Prometheus  : median %.1f ns/call (quartiles %.1f..%.1f)%n",
                median(countedNs), quantile(countedNs, 0.25), quantile(countedNs, 0.75));
        System.out.printf(Locale.ROOT, "added per deduction       : median %.1f ns (quartiles %.1f..%.1f)%n",
                median(diff), quantile(diff, 0.25), quantile(diff, 0.75));
        // The fastest batch is the one the scheduler interrupted least: on a loaded machine the floor.
        System.out.printf(Locale.ROOT, "fastest batches           : %.1f vs %.1f ns/call%n", quantile(countedNs, 0),
                quantile(noneNs, 0));
    }

    private static double batch(StockObserver observer, StockResult[] results, int calls) {
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            observer.deducted(results[i & 3]);
        }
        long elapsed = System.nanoTime() - start;
        sink += elapsed;
        return elapsed / (double) calls;
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
