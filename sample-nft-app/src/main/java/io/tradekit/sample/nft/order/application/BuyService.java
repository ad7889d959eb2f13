package io.tradekit.sample.nft.order.application;

import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.error.ErrorCode;
import io.tradekit.sample.nft.order.domain.OrderErrorCode;
import io.tradekit.sample.nft.order.domain.OrderIdGenerator;
import io.tradekit.sample.nft.order.domain.StockGateway;
import io.tradekit.sample.nft.order.domain.validator.BuyChain;
import io.tradekit.sample.nft.order.domain.validator.BuyContext;
import io.tradekit.txmsg.TransactionalMessageTemplate;
import io.tradekit.txmsg.TransactionalSendResult;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * The buy command: the rules ({@link BuyChain}, the stock first), then the create message whose local
 * transaction ({@link OrderCreation#holdStock}) deducts the Redis stock; the consumer writes the order.
 */
@Service
public class BuyService {

    private static final Pattern IDENTIFIER = Pattern.compile("^[0-9a-f-]{36}$");
    /** The most NFTs one buy may take (also the bean-validation bound of the web request). */
    public static final int MAX_QUANTITY = 10;

    private final BuyChain rules;
    private final StockGateway stock;
    private final OrderIdGenerator ids;
    private final TransactionalMessageTemplate messages;

    public BuyService(BuyChain rules, StockGateway stock, OrderIdGenerator ids, TransactionalMessageTemplate messages) {
        this.rules = rules;
        this.stock = stock;
        this.ids = ids;
        this.messages = messages;
    }

    /**
     * The refusal ({@code SOLD_OUT}) a buy of {@code quantity} gets from this instance's memory alone, no
     * I/O: what the web entry asks before it spends anything on the request, the token included. Empty
     * when nothing is known, and for out-of-range arguments (the buy refuses them with their own code).
     */
    public Optional<ErrorCode> refusalFromMemory(long collectionId, int quantity) {
        boolean soldOut = collectionId > 0 && quantity >= 1 && quantity <= MAX_QUANTITY
                && stock.knownSoldOut(collectionId, quantity);
        return soldOut ? Optional.of(OrderErrorCode.SOLD_OUT) : Optional.empty();
    }

    /** Buys: the rules, then the Redis deduction as the local transaction of the create message. */
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
        BuyContext checked = rules.validate(BuyContext.start(command.buyerId(), command.collectionId(),
                command.quantity(), command.expectedPrice(), now));

        long orderId = ids.nextId();
        OrderMessages.Create payload = new OrderMessages.Create(orderId, command.buyerId(), command.collectionId(),
                checked.goods().name(), command.quantity(), checked.goods().price(), command.identifier(),
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

    private static BizException invalid(String message) {
        return new BizException(CommonErrorCode.PARAM_INVALID, message);
    }
}
