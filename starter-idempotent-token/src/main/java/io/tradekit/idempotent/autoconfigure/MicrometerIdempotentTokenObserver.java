package io.tradekit.idempotent.autoconfigure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tradekit.idempotent.ConsumeOutcome;
import io.tradekit.idempotent.IdempotentTokenObserver;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counters {@code tradekit.idempotent.issued{scene}}, {@code tradekit.idempotent.consumed{scene}} and
 * {@code tradekit.idempotent.rejected{reason}} (reason: missing, malformed, not_found,
 * owner_mismatch, unavailable).
 */
final class MicrometerIdempotentTokenObserver implements IdempotentTokenObserver {

    static final String ISSUED = "tradekit.idempotent.issued";
    static final String CONSUMED = "tradekit.idempotent.consumed";
    static final String REJECTED = "tradekit.idempotent.rejected";

    private final MeterRegistry registry;
    private final Map<ConsumeOutcome, Counter> rejected = new EnumMap<>(ConsumeOutcome.class);
    private final Counter unavailable;

    MicrometerIdempotentTokenObserver(MeterRegistry registry) {
        this.registry = registry;
        for (ConsumeOutcome outcome : ConsumeOutcome.values()) {
            if (!outcome.isConsumed()) {
                rejected.put(outcome, rejectedCounter(outcome.name().toLowerCase(java.util.Locale.ROOT)));
            }
        }
        this.unavailable = rejectedCounter("unavailable");
    }

    private Counter rejectedCounter(String reason) {
        return Counter.builder(REJECTED).description("Idempotent tokens rejected, by reason")
                .tag("reason", reason).register(registry);
    }

    @Override
    public void issued(String scene) {
        Counter.builder(ISSUED).description("Idempotent tokens issued").tag("scene", scene).register(registry).increment();
    }

    @Override
    public void consumed(String scene) {
        Counter.builder(CONSUMED).description("Idempotent tokens spent").tag("scene", scene).register(registry).increment();
    }

    @Override
    public void rejected(ConsumeOutcome outcome) {
        rejected.get(outcome).increment();
    }

    @Override
    public void unavailable() {
        unavailable.increment();
    }
}
