package io.tradekit.sample.nft.order.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.core.error.ErrorCode;
import io.tradekit.core.web.FailureResponses;
import io.tradekit.idempotent.web.IdempotentTokenFilter;
import io.tradekit.sample.nft.order.application.BuyService;
import io.tradekit.sample.nft.shared.metrics.RefusalMeters;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses the buy of a sale this instance knows is sold out (the stock starter's local flag, no I/O)
 * after the login check and BEFORE the anti-duplicate token is claimed: the answer (422
 * {@code SOLD_OUT}) costs no Redis, database, Dubbo or message call, and the token stays as it was —
 * unclaimed, so the buyer may use it for another buy. Only a well-formed buy is answered here (one token
 * header shaped like a token, a JSON body whose {@code collectionId} and {@code quantity} are in range);
 * anything else goes on and gets its own coded error from the token check or the controller.
 */
class SoldOutBuyGate implements HandlerInterceptor {

    /** The URL this gate answers; the token filter reads its body ahead. */
    static final String PATH = "/trade/buy";
    /** The status the sample answers business refusals with (as the controller advice would). */
    private static final int UNPROCESSABLE = 422;
    private static final Pattern TOKEN = Pattern.compile("^[0-9a-f-]{36}$");

    private final BuyService buying;
    private final ObjectMapper json;
    private final RefusalMeters refusals;

    /** @param refusals counts this gate's answers with the controller's refusals (null: not counted) */
    SoldOutBuyGate(BuyService buying, ObjectMapper json, RefusalMeters refusals) {
        this.buying = buying;
        this.json = json;
        this.refusals = refusals;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (request.getDispatcherType() != DispatcherType.REQUEST || !"POST".equals(request.getMethod())
                || !hasOneWellFormedToken(request)) {
            return true;
        }
        byte[] body = IdempotentTokenFilter.readAheadBody(request);
        if (body == null || body.length == 0) {
            return true;
        }
        JsonNode buy;
        try {
            buy = json.readTree(body);
        } catch (IOException malformed) {
            return true;
        }
        if (buy == null || !buy.isObject()) {
            return true;
        }
        JsonNode collectionId = buy.get("collectionId");
        JsonNode quantity = buy.get("quantity");
        if (collectionId == null || !collectionId.isIntegralNumber() || !collectionId.canConvertToLong()
                || quantity == null || !quantity.isIntegralNumber() || !quantity.canConvertToInt()) {
            return true;
        }
        Optional<ErrorCode> refusal = buying.refusalFromMemory(collectionId.longValue(), quantity.intValue());
        if (refusal.isEmpty()) {
            return true;
        }
        if (refusals != null) {
            refusals.refused(refusal.get());
        }
        FailureResponses.write(response, UNPROCESSABLE, refusal.get(), refusal.get().getMessage());
        return false;
    }

    private static boolean hasOneWellFormedToken(HttpServletRequest request) {
        Enumeration<String> values = request.getHeaders(TradeController.IDEMPOTENCY_KEY);
        if (values == null || !values.hasMoreElements()) {
            return false;
        }
        String token = values.nextElement();
        return !values.hasMoreElements() && token != null && TOKEN.matcher(token).matches();
    }
}
