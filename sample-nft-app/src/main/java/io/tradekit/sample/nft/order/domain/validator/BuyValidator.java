package io.tradekit.sample.nft.order.domain.validator;

/** One rule of the buy chain ({@link BuyChain}): refuses with a business exception, or passes the context on. */
@FunctionalInterface
public interface BuyValidator {

    /**
     * Checks one rule.
     *
     * @return the context for the next rule: the same one, or one with what this rule loaded
     */
    BuyContext check(BuyContext context);
}
