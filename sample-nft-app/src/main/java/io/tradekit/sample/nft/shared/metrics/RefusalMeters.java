package io.tradekit.sample.nft.shared.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tradekit.core.error.ErrorCode;

/**
 * {@code sample.web.refusals{code}}: business refusals answered by the web edge, by error code
 * ({@code SOLD_OUT}, {@code GOODS_NOT_ON_SALE}, {@code BAD_CREDENTIALS}, ...). Counted where every
 * {@code BizException} of a controller ends (the global exception handler), so it holds whichever class
 * of the order flow threw it. The codes are the sample's enums: the tag has a bounded set of values.
 */
public final class RefusalMeters {

    /** The counter's name. */
    public static final String REFUSALS = "sample.web.refusals";

    private final MeterRegistry registry;

    /** @param registry where the counter lives */
    public RefusalMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts one refusal with this code. */
    public void refused(ErrorCode code) {
        Counter.builder(REFUSALS).description("Business refusals answered over HTTP, by error code")
                .tag("code", code == null ? "UNKNOWN" : code.getCode()).register(registry).increment();
    }
}
