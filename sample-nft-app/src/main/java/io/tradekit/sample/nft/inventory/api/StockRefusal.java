package io.tradekit.sample.nft.inventory.api;

import io.tradekit.core.error.ErrorCode;
import java.util.Optional;

/**
 * The inventory facade's refusals that mean "nothing changed": a failed response carrying one of these
 * codes may be rolled back by the caller; any other failure leaves the outcome unknown.
 */
public enum StockRefusal implements ErrorCode {

    SOLD_OUT("The collection is sold out."),
    STOCK_MISSING("The collection is not on sale."),
    /** Redis restarted and its stock is not repaired yet: buys are refused until it is (fail closed). */
    STOCK_FENCED("Buying is paused while the stock is being checked; please retry shortly.");

    private final String message;

    StockRefusal(String message) {
        this.message = message;
    }

    /** The refusal a response code stands for, empty when the code is no refusal (or {@code null}). */
    public static Optional<StockRefusal> of(String code) {
        for (StockRefusal refusal : values()) {
            if (refusal.name().equals(code)) {
                return Optional.of(refusal);
            }
        }
        return Optional.empty();
    }

    @Override
    public String getCode() {
        return name();
    }

    @Override
    public String getMessage() {
        return message;
    }
}
