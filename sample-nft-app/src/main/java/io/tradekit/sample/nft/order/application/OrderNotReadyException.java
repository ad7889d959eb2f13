package io.tradekit.sample.nft.order.application;

import io.tradekit.core.error.BizException;
import io.tradekit.sample.nft.order.domain.OrderErrorCode;

/**
 * {@link OrderErrorCode#ORDER_NOT_READY}: the order is accepted but its consumer has not written it yet.
 * A retryable refusal; nothing was changed or spent (web answer: 409 with {@code Retry-After}).
 */
public class OrderNotReadyException extends BizException {

    private static final long serialVersionUID = 1L;

    public OrderNotReadyException() {
        super(OrderErrorCode.ORDER_NOT_READY);
    }
}
