package io.tradekit.sample.nft.inventory.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.io.Serializable;

/**
 * One order's change of a collection's Redis stock.
 *
 * @param collectionId the collection
 * @param buyerId      the buyer
 * @param identifier   the order's anti-duplicate token: the change happens once per identifier
 * @param quantity     how many, 1 to 100
 */
public record StockRequest(@NotNull @Positive Long collectionId, @NotNull @Positive Long buyerId,
                           @NotNull @Pattern(regexp = "[A-Za-z0-9_.:@-]{1,64}") String identifier,
                           @NotNull @Positive @Max(100) Integer quantity) implements Serializable {
}
