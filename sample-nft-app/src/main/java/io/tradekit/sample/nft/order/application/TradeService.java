package io.tradekit.sample.nft.order.application;

import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.sample.nft.order.api.OrderPaidEvent;
import io.tradekit.sample.nft.order.domain.Order;
import io.tradekit.sample.nft.order.domain.OrderErrorCode;
import io.tradekit.sample.nft.order.domain.OrderIdGenerator;
import io.tradekit.sample.nft.order.domain.OrderRepository;
import io.tradekit.sample.nft.order.domain.OrderState;
import io.tradekit.sample.nft.order.domain.PayTokenGateway;
import io.tradekit.sample.nft.order.domain.PaymentChannel;
import io.tradekit.sample.nft.order.domain.validator.BuyContext;
import io.tradekit.sample.nft.order.domain.validator.BuyValidator;
import io.tradekit.txmsg.TransactionalMessageTemplate;
import io.tradekit.txmsg.TransactionalSendResult;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The buyer's trading commands. A buy passes the validator chain, then a transactional message
 * whose local transaction deducts the Redis stock; the order itself is written by the consumer.
 */
@Service
public class TradeService {

    private static final Pattern IDENTIFIER = Pattern.compile("^[0-9a-f-]{36}$");
    /** The most NFTs one buy may take (also the bean-validation bound of the web request). */
    public static final int MAX_QUANTITY = 10;

    private final BuyValidator validators;
    private final OrderIdGenerator ids;
    private final TransactionalMessageTemplate messages;
    private final OrderRepository orders;
    private final PaymentChannel payments;
    private final PayTokenGateway payTokens;
    private final ApplicationEventPublisher events;

    public TradeService(BuyValidator validators, OrderIdGenerator ids, TransactionalMessageTemplate messages,
                        OrderRepository orders, PaymentChannel payments, PayTokenGateway payTokens,
                        ApplicationEventPublisher events) {
        this.validators = validators;
        this.ids = ids;
        this.messages = messages;
        this.orders = orders;
        this.payments = payments;
        this.payTokens = payTokens;
        this.events = events;
    }

    /** Buys: validators, then the Redis deduction as the local transaction of the create message. */
    public BuyResult buy(BuyCommand command) {
        if (command.collectionId() == null || command.collectionId() <= 0) {
            throw invalid("collectionId must be positive");
        }
        if (command.quantity() == null || command.quantity() < 1 || command.quantity() > MAX_QUANTITY) {
            throw invalid("quantity must be 1 to " + MAX_QUANTITY);
        }
        if (command.identifier() == null || !IDENTIFIER.matcher(command.identifier()).matches()) {
            throw invalid("the Idempotency-Key header must hold the token of this buy");
        }
        Instant now = Instant.now();
        BuyContext context = new BuyContext(command.buyerId(), command.collectionId(), command.quantity(),
                command.expectedPrice(), now);
        validators.validate(context);

        long orderId = ids.nextId();
        OrderMessages.Create payload = new OrderMessages.Create(orderId, command.buyerId(), command.collectionId(),
                context.goods().name(), command.quantity(), context.goods().price(), command.identifier(),
                now.toEpochMilli());
        TransactionalSendResult sent = messages.send(OrderMessages.CREATE_TOPIC, OrderMessages.CREATE_SCENE,
                "order-create-" + orderId, payload);
        return switch (sent.localOutcome()) {
            case COMMIT -> new BuyResult(Long.toString(orderId), "ACCEPTED");
            case UNKNOWN -> new BuyResult(Long.toString(orderId), "PENDING");
            case ROLLBACK -> throw sent.localFailure() instanceof BizException refused ? refused
                    : new BizException(OrderErrorCode.SOLD_OUT);
        };
    }

    /**
     * Pays an order through the payment channel: CREATED → PAID and the {@link OrderPaidEvent}, in one
     * transaction (the chain context mints after it commits). The pay token is spent only once the order
     * exists: an order still CREATING answers {@code ORDER_NOT_READY} and the same token works for the
     * retry. Paying a paid order again (with a fresh token) answers its state.
     */
    @Transactional
    public OrderView pay(long buyerId, long orderId, String payToken) {
        if (payToken == null || payToken.isBlank()) {
            throw invalid("the Idempotency-Key header must hold a token of scene pay");
        }
        Order order = owned(buyerId, orderId);
        requireCreated(order);
        if (order.state() != OrderState.CREATED && order.state() != OrderState.PAID) {
            throw new BizException(OrderErrorCode.ORDER_STATE_CHANGED);
        }
        payTokens.spend(buyerId, payToken);
        if (order.state() == OrderState.PAID) {
            return OrderQueryService.view(order);
        }
        String payNo = payments.pay(orderId, buyerId, order.amount());
        Instant paidAt = Instant.now();
        if (!orders.transit(orderId, OrderState.CREATED, OrderState.PAID, "PAY", paidAt, payNo)) {
            // Closed or cancelled meanwhile: the mock channel needs no refund; a real one would refund payNo.
            throw new BizException(OrderErrorCode.ORDER_STATE_CHANGED);
        }
        events.publishEvent(new OrderPaidEvent(orderId, buyerId, order.collectionId(), order.quantity(), paidAt));
        return OrderQueryService.view(orders.findById(orderId).orElseThrow());
    }

    /** Cancels an unpaid order: the DB change is the local transaction of the cancel message. */
    public void cancel(long buyerId, long orderId) {
        Order order = owned(buyerId, orderId);
        requireCreated(order);
        if (order.state() != OrderState.CREATED) {
            throw new BizException(OrderErrorCode.ORDER_STATE_CHANGED);
        }
        end(order, OrderState.CANCELLED);
    }

    /**
     * Closes CREATED orders older than {@code cutoff} the same way as a cancel.
     *
     * @return how many this call closed
     */
    public int closeUnpaidBefore(Instant cutoff, int limit) {
        List<Order> unpaid = orders.findUnpaidBefore(cutoff, limit);
        int closed = 0;
        for (Order order : unpaid) {
            try {
                end(order, OrderState.CLOSED);
                closed++;
            } catch (BizException e) {
                // Paid or cancelled between the query and the close: nothing to do.
            }
        }
        return closed;
    }

    private void end(Order order, OrderState to) {
        OrderMessages.Cancel payload = new OrderMessages.Cancel(order.id(), order.buyerId(), order.collectionId(),
                order.quantity(), order.identifier(), to.name());
        TransactionalSendResult sent = messages.send(OrderMessages.CANCEL_TOPIC, OrderMessages.CANCEL_SCENE,
                "order-cancel-" + order.id(), payload);
        if (sent.localOutcome() == io.tradekit.txmsg.TransactionOutcome.ROLLBACK) {
            throw sent.localFailure() instanceof BizException refused ? refused
                    : new BizException(OrderErrorCode.ORDER_STATE_CHANGED);
        }
    }

    /** An order the consumer has not written yet cannot be paid or cancelled: a retryable refusal. */
    private static void requireCreated(Order order) {
        if (order.state().beingCreated()) {
            throw new OrderNotReadyException();
        }
    }

    private Order owned(long buyerId, long orderId) {
        return orders.findById(orderId).filter(o -> o.buyerId() == buyerId)
                .orElseThrow(() -> new BizException(OrderErrorCode.ORDER_NOT_FOUND));
    }

    private static BizException invalid(String message) {
        return new BizException(CommonErrorCode.PARAM_INVALID, message);
    }
}
