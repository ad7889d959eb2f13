package io.tradekit.sample.nft.inventory.api;

import io.tradekit.core.response.SingleResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * The Redis stock of sales over Dubbo. A failed response whose code is a {@link StockRefusal} means
 * nothing changed; any other failure leaves the outcome unknown ({@link #deducted} tells).
 */
public interface InventoryFacade {

    /** The Redis stock of the collection, {@code STOCK_MISSING} when it has none. */
    SingleResponse<Long> stock(@NotNull @Positive Long collectionId);

    /** Deducts an order's quantity, once per identifier. */
    SingleResponse<Boolean> deduct(@NotNull @Valid StockRequest request);

    /** Whether the deduction of the identifier was applied. */
    SingleResponse<Boolean> deducted(@NotNull @Positive Long collectionId,
                                     @NotNull @Pattern(regexp = "[A-Za-z0-9_.:@-]{1,64}") String identifier);

    /** Gives an order's deduction back, once per identifier. */
    SingleResponse<Boolean> restore(@NotNull @Valid StockRequest request);
}
