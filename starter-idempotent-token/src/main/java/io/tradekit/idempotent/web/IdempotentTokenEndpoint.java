package io.tradekit.idempotent.web;

import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.log.LogSanitizer;
import io.tradekit.core.response.SingleResponse;
import io.tradekit.idempotent.IdempotentTokenService;
import io.tradekit.idempotent.IdempotentTokenUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.util.List;
import java.util.Set;

/**
 * The token endpoint ({@code GET /idempotent/token?scene=orderList} by default): issues a token
 * through {@link IdempotentTokenService} for one of the allowed scenes, bound to the user when the
 * {@link IdempotentOwnerResolver} knows one, as a {@code SingleResponse<String>}.
 *
 * <p>400 {@code PARAM_INVALID} for a missing, repeated or unknown scene; 503
 * {@code SERVICE_UNAVAILABLE} when Redis cannot answer.
 */
public class IdempotentTokenEndpoint {

    private static final Logger log = LoggerFactory.getLogger(IdempotentTokenEndpoint.class);

    private final IdempotentTokenService tokens;
    private final Set<String> scenes;
    private final IdempotentOwnerResolver ownerResolver;

    /**
     * Creates the endpoint.
     *
     * @param tokens        issues the tokens
     * @param scenes        the scenes a client may ask for (the guarded patterns' and any extra ones)
     * @param ownerResolver tells the user of a request
     */
    public IdempotentTokenEndpoint(IdempotentTokenService tokens, Set<String> scenes,
                                   IdempotentOwnerResolver ownerResolver) {
        this.tokens = tokens;
        this.scenes = Set.copyOf(scenes);
        this.ownerResolver = ownerResolver;
    }

    /** Handles one request. */
    public ServerResponse issue(ServerRequest request) {
        List<String> values = request.params().get("scene");
        if (values == null || values.size() != 1 || !scenes.contains(values.get(0))) {
            return respond(HttpStatus.BAD_REQUEST, SingleResponse.fail(CommonErrorCode.PARAM_INVALID.getCode(),
                    "scene must be exactly one of the configured idempotent scenes."));
        }
        String scene = values.get(0);
        try {
            String token = tokens.issue(scene, ownerResolver.resolveOwner(request.servletRequest()));
            return respond(HttpStatus.OK, SingleResponse.of(token));
        } catch (IdempotentTokenUnavailableException e) {
            if (!e.isRefused()) {
                log.warn("Idempotent token store unavailable, no token issued for scene {}: {}", scene,
                        LogSanitizer.escape(e.getMessage()));
            }
            return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON)
                    .cacheControl(CacheControl.noStore())
                    .header("Retry-After", Long.toString(e.getRetryAfterSeconds()))
                    .body(SingleResponse.fail(CommonErrorCode.SERVICE_UNAVAILABLE));
        }
    }

    private static ServerResponse respond(HttpStatus status, SingleResponse<String> body) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore()).body(body);
    }
}
