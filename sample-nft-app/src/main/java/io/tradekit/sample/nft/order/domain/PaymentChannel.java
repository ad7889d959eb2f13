package io.tradekit.sample.nft.order.domain;

import java.math.BigDecimal;

/** The payment provider (mocked in the sample). */
public interface PaymentChannel {

    /** Charges the buyer and returns the channel's payment reference; a business exception when refused. */
    String pay(long orderId, long buyerId, BigDecimal amount);
}
