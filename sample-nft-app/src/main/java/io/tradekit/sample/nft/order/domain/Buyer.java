package io.tradekit.sample.nft.order.domain;

/**
 * What trading needs to know about a user.
 *
 * @param userId       the user
 * @param frozen       whether the account is frozen
 * @param realNameDone whether real-name authentication succeeded
 */
public record Buyer(long userId, boolean frozen, boolean realNameDone) {
}
