package io.tradekit.sample.nft.order.domain.validator;

import java.util.List;

/**
 * The buy rules in their order (chain of responsibility): each runs on the context the previous one
 * answered, and the first refusal stops the chain. Immutable; assembled by the application layer.
 */
public final class BuyChain {

    private final List<BuyValidator> validators;

    public BuyChain(List<BuyValidator> validators) {
        this.validators = List.copyOf(validators);
    }

    /** Runs every rule; returns the context with what the rules loaded. */
    public BuyContext validate(BuyContext context) {
        BuyContext current = context;
        for (BuyValidator validator : validators) {
            current = validator.check(current);
        }
        return current;
    }
}
