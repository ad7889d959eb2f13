package io.tradekit.sample.nft.order.domain;

/**
 * The anti-duplicate tokens of payments. A payment spends its token only once the order can be paid,
 * so a payment refused as "not ready yet" leaves the buyer's token valid for the retry.
 */
public interface PayTokenGateway {

    /**
     * Spends the buyer's pay token.
     *
     * @throws io.tradekit.core.error.BizException {@code PARAM_INVALID} when the token is missing or
     *         malformed, {@code DUPLICATE_REQUEST} when it is unknown, spent, expired or another
     *         buyer's, {@code SERVICE_UNAVAILABLE} when the token store cannot answer
     */
    void spend(long buyerId, String token);
}
