package io.tradekit.sample.nft.order.controller;

import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.response.MultiResponse;
import io.tradekit.core.response.SingleResponse;
import io.tradekit.sample.nft.order.application.BuyCommand;
import io.tradekit.sample.nft.order.application.BuyResult;
import io.tradekit.sample.nft.order.application.OrderQueryService;
import io.tradekit.sample.nft.order.application.OrderView;
import io.tradekit.sample.nft.order.application.TradeService;
import io.tradekit.sample.nft.shared.security.CurrentSession;
import io.tradekit.sample.nft.user.application.SessionUser;
import java.math.BigDecimal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RestController;

/**
 * Buy, pay, cancel and read orders. {@code /trade/buy} and {@code /trade/pay} are guarded by the
 * idempotent-token filter: the {@code Idempotency-Key} token is spent before this controller runs,
 * and the buy uses it as the order's identifier (one order per token).
 */
@Tag(name = "trade", description = "Buy with an anti-duplicate token, pay, cancel, read own orders")
@RestController
class TradeController {

    private final TradeService trade;
    private final OrderQueryService queries;
    private final CurrentSession session;

    TradeController(TradeService trade, OrderQueryService queries, CurrentSession session) {
        this.trade = trade;
        this.queries = queries;
        this.session = session;
    }

    /** A buy request. */
    record BuyRequest(Long collectionId, Integer quantity, BigDecimal price) {
    }

    /** A request about one order (ids as strings: they exceed JavaScript's safe integers). */
    record OrderRequest(String orderId) {
    }

    @Operation(summary = "Buy: needs the tradekit-token session and an Idempotency-Key token of scene buy")
    @PostMapping("/trade/buy")
    SingleResponse<BuyResult> buy(@RequestHeader("Idempotency-Key") String token, @RequestBody BuyRequest request) {
        long buyer = buyer();
        return SingleResponse.of(trade.buy(new BuyCommand(buyer, request.collectionId(), request.quantity(),
                request.price(), token)));
    }

    @Operation(summary = "Pay through the mock channel: needs an Idempotency-Key token of scene pay")
    @PostMapping("/trade/pay")
    SingleResponse<OrderView> pay(@RequestBody OrderRequest request) {
        long buyer = buyer();
        return SingleResponse.of(trade.pay(buyer, orderId(request.orderId())));
    }

    @Operation(summary = "Cancel an unpaid order; its stock comes back")
    @PostMapping("/trade/cancel")
    SingleResponse<Boolean> cancel(@RequestBody OrderRequest request) {
        long buyer = buyer();
        trade.cancel(buyer, orderId(request.orderId()));
        return SingleResponse.of(Boolean.TRUE);
    }

    @GetMapping("/trade/orders/{orderId}")
    SingleResponse<OrderView> order(@PathVariable("orderId") String orderId) {
        long buyer = buyer();
        return SingleResponse.of(queries.find(buyer, orderId(orderId)));
    }

    @GetMapping("/trade/orders")
    MultiResponse<OrderView> orders() {
        return MultiResponse.of(queries.mine(buyer()));
    }

    private long buyer() {
        return SessionUser.userId(session.requireLoginId());
    }

    private static long orderId(String value) {
        if (value == null || !value.matches("[0-9]{1,19}")) {
            throw new BizException(CommonErrorCode.PARAM_INVALID, "orderId must be a positive number");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BizException(CommonErrorCode.PARAM_INVALID, "orderId must be a positive number");
        }
    }
}
