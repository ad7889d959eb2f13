package io.tradekit.stock;

/**
 * One deduction or increase of an item's stock, idempotent by buyer, identifier and quantity.
 *
 * @param itemId     the item (see {@link StockIds} for the accepted characters)
 * @param buyerId    the buyer
 * @param identifier the operation's idempotency identifier, e.g. the order token
 * @param quantity   1 to {@link StockIds#MAX_QUANTITY}
 */
public record StockCommand(String itemId, String buyerId, String identifier, long quantity) {

    /**
     * Validates every field.
     *
     * @throws io.tradekit.core.error.BizException {@code PARAM_INVALID} on a null, blank, oversized or
     *                                             malformed id, or a quantity out of range
     */
    public StockCommand {
        StockIds.check("itemId", itemId);
        StockIds.check("buyerId", buyerId);
        StockIds.check("identifier", identifier);
        StockIds.checkQuantity("quantity", quantity, 1, StockIds.MAX_QUANTITY);
    }
}
