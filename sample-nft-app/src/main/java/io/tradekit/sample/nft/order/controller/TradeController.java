package io.tradekit.sample.nft.order.controller;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.response.BaseResponse;
import io.tradekit.core.response.MultiResponse;
import io.tradekit.core.response.SingleResponse;
import io.tradekit.sample.nft.order.application.BuyCommand;
import io.tradekit.sample.nft.order.application.BuyResult;
import io.tradekit.sample.nft.order.application.BuyService;
import io.tradekit.sample.nft.order.application.CancelService;
import io.tradekit.sample.nft.order.application.PayService;
import io.tradekit.sample.nft.order.application.OrderQueryService;
import io.tradekit.sample.nft.order.application.OrderView;
import io.tradekit.sample.nft.order.application.OrderNotReadyException;
import io.tradekit.sample.nft.shared.security.CurrentSession;
import io.tradekit.sample.nft.user.application.SessionUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Buy, pay, cancel and read orders. {@code /trade/buy} is guarded by the idempotent-token filter: the
 * {@code Idempotency-Key} token is spent before this controller runs, and the buy uses it as the order's
 * identifier (one order per token). {@code /trade/pay} spends its token in {@link PayService#pay} only
 * once the order exists, so "not ready yet" (409 {@code ORDER_NOT_READY}, {@code Retry-After}) leaves it
 * valid for the retry.
 */
@Tag(name = "trade", description = "Buy with an anti-duplicate token, pay, cancel, read own orders")
@RestController
class TradeController {

    /** Header of the anti-duplicate token (the idempotent-token starter's default). */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Seconds a client waits before retrying an order that is not ready. */
    static final String RETRY_AFTER_SECONDS = "1";

    private final BuyService buying;
    private final PayService paying;
    private final CancelService cancelling;
    private final OrderQueryService queries;
    private final CurrentSession session;

    TradeController(BuyService buying, PayService paying, CancelService cancelling, OrderQueryService queries,
                    CurrentSession session) {
        this.buying = buying;
        this.paying = paying;
        this.cancelling = cancelling;
        this.queries = queries;
        this.session = session;
    }

    /** A buy request; the bounds are checked before the buy runs (and shown in the OpenAPI schema). */
    record BuyRequest(@NotNull @Positive Long collectionId,
                      @NotNull @Min(1) @Max(BuyService.MAX_QUANTITY) Integer quantity,
                      BigDecimal price) {
    }

    /** A request about one order (ids as strings: they exceed JavaScript's safe integers). */
    record OrderRequest(String orderId) {
    }

    @Operation(summary = "Buy: answers ACCEPTED (order readable at once as CREATING) or PENDING (the broker's "
            + "check-back decides); needs a token of scene buy in Idempotency-Key, spent by the filter")
    @PostMapping("/trade/buy")
    SingleResponse<BuyResult> buy(@Parameter(in = ParameterIn.HEADER, required = true,
            description = "Token from GET /idempotent/token?scene=buy; one buy per token (409 DUPLICATE_REQUEST "
                    + "when spent)") @RequestHeader(IDEMPOTENCY_KEY) String token,
                                  @Valid @RequestBody BuyRequest request) {
        long buyer = buyer();
        return SingleResponse.of(buying.buy(new BuyCommand(buyer, request.collectionId(), request.quantity(),
                request.price(), token)));
    }

    @Operation(summary = "Pay through the mock channel: CREATED -> PAID; an order still CREATING answers "
            + "409 ORDER_NOT_READY with Retry-After and leaves the token unspent")
    @PostMapping("/trade/pay")
    SingleResponse<OrderView> pay(@Parameter(in = ParameterIn.HEADER, required = true,
            description = "Token from GET /idempotent/token?scene=pay; spent once the order can be paid")
                                  @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String token,
                                  @RequestBody OrderRequest request) {
        long buyer = buyer();
        return SingleResponse.of(paying.pay(buyer, orderId(request.orderId()), token));
    }

    @Operation(summary = "Cancel an unpaid order; its stock comes back. No Idempotency-Key: a second cancel "
            + "answers ORDER_STATE_CHANGED and changes nothing")
    @PostMapping("/trade/cancel")
    SingleResponse<Boolean> cancel(@RequestBody OrderRequest request) {
        long buyer = buyer();
        cancelling.cancel(buyer, orderId(request.orderId()));
        return SingleResponse.of(Boolean.TRUE);
    }

    @Operation(summary = "One own order: CREATING (accepted, being written), CREATED, PAID, CANCELLED, CLOSED "
            + "or FAILED")
    @GetMapping("/trade/orders/{orderId}")
    SingleResponse<OrderView> order(@PathVariable("orderId") String orderId) {
        long buyer = buyer();
        return SingleResponse.of(queries.find(buyer, orderId(orderId)));
    }

    @Operation(summary = "Own latest orders, newest first")
    @GetMapping("/trade/orders")
    MultiResponse<OrderView> orders() {
        return MultiResponse.of(queries.mine(buyer()));
    }

    /** Retryable: 409 with {@code Retry-After}, so clients and scripts know to wait and try again. */
    @ExceptionHandler(OrderNotReadyException.class)
    ResponseEntity<BaseResponse> notReady(OrderNotReadyException e) {
        BaseResponse body = new BaseResponse();
        body.markFailure(e.getErrorCode().getCode(), e.getMessage());
        return ResponseEntity.status(HttpStatus.CONFLICT).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(body);
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
