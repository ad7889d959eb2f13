package io.tradekit.sample.nft.order.infrastructure;

import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.idempotent.ConsumeOutcome;
import io.tradekit.idempotent.IdempotentTokenService;
import io.tradekit.idempotent.IdempotentTokenUnavailableException;
import io.tradekit.sample.nft.order.domain.PayTokenGateway;
import io.tradekit.sample.nft.user.application.SessionUser;
import org.springframework.stereotype.Component;

/**
 * {@link PayTokenGateway} on the idempotent-token starter: tokens of scene {@value #SCENE}, issued by
 * {@code GET /idempotent/token?scene=pay} bound to the buyer's session login id (see
 * {@code SessionTokenOwner}), spent atomically in Redis.
 */
@Component
class IdempotentPayTokens implements PayTokenGateway {

    /** The scene of payment tokens; served by the token endpoint through {@code endpoint.extra-scenes}. */
    static final String SCENE = "pay";

    private final IdempotentTokenService tokens;

    IdempotentPayTokens(IdempotentTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public void spend(long buyerId, String token) {
        ConsumeOutcome outcome;
        try {
            outcome = tokens.tryConsume(token, SCENE, SessionUser.loginId(buyerId));
        } catch (IdempotentTokenUnavailableException e) {
            throw new BizException(CommonErrorCode.SERVICE_UNAVAILABLE, "the token store cannot answer; retry");
        }
        switch (outcome) {
            case CONSUMED -> {
            }
            case MISSING, MALFORMED -> throw new BizException(CommonErrorCode.PARAM_INVALID,
                    "the Idempotency-Key header must hold a token of scene " + SCENE);
            default -> throw new BizException(CommonErrorCode.DUPLICATE_REQUEST);
        }
    }
}
