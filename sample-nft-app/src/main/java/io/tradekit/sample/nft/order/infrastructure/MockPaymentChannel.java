package io.tradekit.sample.nft.order.infrastructure;

import io.tradekit.core.error.BizException;
import io.tradekit.sample.nft.order.domain.OrderErrorCode;
import io.tradekit.sample.nft.order.domain.PaymentChannel;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The sample's payment channel: accepts every positive amount and answers a fresh reference. */
@Component
class MockPaymentChannel implements PaymentChannel {

    @Override
    public String pay(long orderId, long buyerId, BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            throw new BizException(OrderErrorCode.PAYMENT_FAILED);
        }
        return "MOCK-" + UUID.randomUUID();
    }
}
