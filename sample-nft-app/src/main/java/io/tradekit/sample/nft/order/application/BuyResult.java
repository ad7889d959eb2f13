package io.tradekit.sample.nft.order.application;

/**
 * The answer to a buy: the stock is held and the order is being written ({@code ACCEPTED}), or the
 * outcome is decided by the broker's check-back ({@code PENDING}). Poll the order by id.
 *
 * @param orderId the order's id
 * @param status  {@code ACCEPTED} or {@code PENDING}
 */
public record BuyResult(String orderId, String status) {
}
