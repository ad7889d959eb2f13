package io.tradekit.stock.autoconfigure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tradekit.stock.StockCode;
import io.tradekit.stock.StockObserver;
import io.tradekit.stock.StockResult;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Counts stock outcomes: {@code tradekit.stock.deductions{result}}, {@code tradekit.stock.increases{result}},
 * {@code tradekit.stock.sold-out.fast-fails} and {@code tradekit.stock.replays{operation}}. Public for the
 * benchmarks, which measure its cost (benchmarks/RESULTS.md); applications get it from the auto-configuration.
 */
public final class MicrometerStockObserver implements StockObserver {

    private final Map<StockCode, Counter> deductions = new EnumMap<>(StockCode.class);
    private final Map<StockCode, Counter> increases = new EnumMap<>(StockCode.class);
    private final Counter fastFails;
    private final Counter deductReplays;
    private final Counter increaseReplays;

    /** @param registry where the counters live */
    public MicrometerStockObserver(MeterRegistry registry) {
        for (StockCode code : StockCode.values()) {
            String result = code.name().toLowerCase(Locale.ROOT);
            deductions.put(code, Counter.builder("tradekit.stock.deductions").tag("result", result)
                    .description("Stock deductions by result").register(registry));
            increases.put(code, Counter.builder("tradekit.stock.increases").tag("result", result)
                    .description("Stock increases by result").register(registry));
        }
        fastFails = Counter.builder("tradekit.stock.sold-out.fast-fails")
                .description("Deductions refused by the local sold-out flag without a Redis call").register(registry);
        deductReplays = Counter.builder("tradekit.stock.replays").tag("operation", "deduct")
                .description("Operations answered from their earlier record").register(registry);
        increaseReplays = Counter.builder("tradekit.stock.replays").tag("operation", "increase")
                .description("Operations answered from their earlier record").register(registry);
    }

    @Override
    public void deducted(StockResult result) {
        deductions.get(result.code()).increment();
        if (result.code() == StockCode.SOLD_OUT) {
            fastFails.increment();
        } else if (result.replay()) {
            deductReplays.increment();
        }
    }

    @Override
    public void increased(StockResult result) {
        increases.get(result.code()).increment();
        if (result.replay()) {
            increaseReplays.increment();
        }
    }
}
