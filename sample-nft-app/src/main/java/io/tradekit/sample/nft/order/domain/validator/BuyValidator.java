package io.tradekit.sample.nft.order.domain.validator;

/**
 * One link of the buy chain: {@link #check} throws a business exception to refuse, otherwise the next
 * link runs. Link with {@link #linkWith}, which returns the next link so a chain reads top-down.
 */
public abstract class BuyValidator {

    private BuyValidator next;

    /** Sets the link after this one and returns it. */
    public BuyValidator linkWith(BuyValidator next) {
        this.next = next;
        return next;
    }

    /** Runs this link and, when it passes, the rest of the chain. */
    public final void validate(BuyContext context) {
        check(context);
        if (next != null) {
            next.validate(context);
        }
    }

    /** Checks one rule. */
    protected abstract void check(BuyContext context);
}
