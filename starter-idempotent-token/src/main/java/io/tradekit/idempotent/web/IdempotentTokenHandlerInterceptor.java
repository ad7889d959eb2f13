package io.tradekit.idempotent.web;

import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.log.LogSanitizer;
import io.tradekit.core.web.FailureResponses;
import io.tradekit.idempotent.ConsumeOutcome;
import io.tradekit.idempotent.IdempotentErrorCode;
import io.tradekit.idempotent.IdempotentTokenException;
import io.tradekit.idempotent.IdempotentTokenService;
import io.tradekit.idempotent.IdempotentTokenUnavailableException;
import io.tradekit.idempotent.TokenClaim;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.servlet.AsyncHandlerInterceptor;
import org.springframework.web.servlet.HandlerInterceptor;

import java.io.IOException;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Lets a request to a guarded URL reach its handler only after claiming its token (header
 * {@code Idempotency-Key} by default) bound to the request's fingerprint, then spends the token when
 * the request is done, or gives it back when the request was refused before changing anything
 * ({@link RefusalRule}). A Spring MVC interceptor ordered after the login check, so an anonymous
 * request gets the login check's 401 and its token is not touched; CORS preflights pass untouched.
 *
 * <p>Refusals are a JSON {@code BaseResponse}: 400 {@code PARAM_INVALID} (token missing, repeated,
 * malformed), 409 {@code DUPLICATE_REQUEST} (unknown, used, expired, in progress, another user's),
 * 413/415 (body too large / multipart), 422 {@code IDEMPOTENCY_KEY_REUSED} (used with another
 * request), 503 {@code SERVICE_UNAVAILABLE} (Redis cannot answer: fail closed). Needs
 * {@link IdempotentTokenFilter} on the same patterns to read the body ahead.
 */
public class IdempotentTokenHandlerInterceptor implements AsyncHandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(IdempotentTokenHandlerInterceptor.class);

    private static final String CLAIM_ATTRIBUTE = IdempotentTokenHandlerInterceptor.class.getName() + ".CLAIM";

    private static final HandlerInterceptor HANDLER_REACHED = new HandlerInterceptor() {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            request.setAttribute(RefusalRule.HANDLER_REACHED_ATTRIBUTE, Boolean.TRUE);
            return true;
        }
    };

    private final IdempotentTokenService tokens;
    private final ScenePatterns patterns;
    private final String header;
    private final IdempotentOwnerResolver ownerResolver;
    private final RefusalRule refusals;

    /**
     * Creates the interceptor.
     *
     * @param tokens          claims, spends and gives back tokens
     * @param patterns        the guarded URL patterns and their scenes
     * @param header          the request header carrying the token
     * @param ownerResolver   tells the user of a request ({@link IdempotentOwnerResolver#NONE} for none)
     * @param unspentStatuses response statuses the application answers only when nothing changed
     */
    public IdempotentTokenHandlerInterceptor(IdempotentTokenService tokens, List<ScenePattern> patterns, String header,
                                             IdempotentOwnerResolver ownerResolver, Set<Integer> unspentStatuses) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.patterns = new ScenePatterns(patterns);
        this.header = Objects.requireNonNull(header, "header");
        this.ownerResolver = Objects.requireNonNull(ownerResolver, "ownerResolver");
        this.refusals = new RefusalRule(unspentStatuses);
    }

    /**
     * The interceptor to register last of all (lowest precedence): it marks that every interceptor
     * passed, so that a refusal by one after the token check gives the token back.
     */
    public static HandlerInterceptor handlerReachedMarker() {
        return HANDLER_REACHED;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        if (request.getDispatcherType() != DispatcherType.REQUEST || CorsUtils.isPreFlightRequest(request)
                || request.getAttribute(CLAIM_ATTRIBUTE) != null) {
            // Error pages, forwards and the async re-dispatch of a claimed request are not new submissions.
            return true;
        }
        String path = IdempotentPaths.pathWithinApplication(request);
        String scene = patterns.sceneFor(path);
        if (scene == null) {
            return true;
        }
        TokenClaim claim;
        try {
            claim = claim(request, response, path, scene);
        } catch (IdempotentTokenUnavailableException e) {
            // While the breaker refuses, its own log counts the refusals: no line per request.
            if (!e.isRefused()) {
                log.warn("Idempotent token store unavailable, request to {} refused: {}",
                        LogSanitizer.escape(path), LogSanitizer.escape(e.getMessage()));
            }
            response.setHeader("Retry-After", Long.toString(e.getRetryAfterSeconds()));
            FailureResponses.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    CommonErrorCode.SERVICE_UNAVAILABLE, "The duplicate-submission check is unavailable, please retry later.");
            return false;
        }
        if (claim == null) {
            return false;
        }
        if (!claim.isClaimed()) {
            log.debug("Idempotent token rejected for scene {}: {}", scene, claim.outcome());
            FailureResponses.write(response, statusOf(claim.outcome()),
                    IdempotentTokenException.errorCodeOf(claim.outcome()),
                    IdempotentTokenException.describe(claim.outcome(), scene));
            return false;
        }
        request.setAttribute(CLAIM_ATTRIBUTE, claim);
        return true;
    }

    /** The claim, or {@code null} when the body was refused (answer written). */
    private TokenClaim claim(HttpServletRequest request, HttpServletResponse response, String path, String scene)
            throws IOException {
        Enumeration<String> values = request.getHeaders(header);
        String token = values != null && values.hasMoreElements() ? values.nextElement() : null;
        if (token == null || token.isEmpty()) {
            return tokens.claim(null, scene, null, RequestFingerprint.of(request, path, new byte[0]));
        }
        if (values.hasMoreElements()) {
            // Two tokens in one request: neither is trusted (MALFORMED, as a comma-joined value would be).
            return tokens.claim(",", scene, null, RequestFingerprint.of(request, path, new byte[0]));
        }
        byte[] body;
        if (RequestFingerprint.isMultipart(request)) {
            FailureResponses.write(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                    IdempotentErrorCode.IDEMPOTENT_BODY_UNSUPPORTED,
                    "Multipart bodies cannot be checked for duplicate submissions on this URL.");
            return null;
        } else if (RequestFingerprint.isForm(request)) {
            body = new byte[0];
        } else if (request.getAttribute(IdempotentTokenFilter.BODY_ATTRIBUTE) instanceof CachedBodyRequest cached) {
            body = cached.body();
        } else {
            // The read-ahead filter did not run for this request: refuse rather than consume the body here.
            log.warn("The idempotent body filter did not run for {}; request refused", LogSanitizer.escape(path));
            FailureResponses.write(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, CommonErrorCode.SYSTEM_ERROR,
                    CommonErrorCode.SYSTEM_ERROR.getMessage());
            return null;
        }
        if (body == null) {
            FailureResponses.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    IdempotentErrorCode.IDEMPOTENT_BODY_TOO_LARGE, IdempotentErrorCode.IDEMPOTENT_BODY_TOO_LARGE.getMessage());
            return null;
        }
        return tokens.claim(token, scene, ownerResolver.resolveOwner(request), RequestFingerprint.of(request, path, body));
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!(request.getAttribute(CLAIM_ATTRIBUTE) instanceof TokenClaim claim)) {
            return;
        }
        request.removeAttribute(CLAIM_ATTRIBUTE);
        boolean unspent = refusals.refusedBeforeAnyChange(request, response, ex);
        try {
            boolean held = unspent ? tokens.release(claim) : tokens.complete(claim);
            if (!held) {
                log.debug("Idempotent token expired while its request ran");
            }
        } catch (IdempotentTokenUnavailableException e) {
            // The token stays taken until it expires: a retry is refused, never let through twice.
            if (e.isRefused()) {
                return;
            }
            log.warn("Idempotent token store unavailable after the request; the token stays taken: {}",
                    LogSanitizer.escape(e.getMessage()));
        }
    }

    private static int statusOf(ConsumeOutcome outcome) {
        return switch (outcome) {
            case MISSING, MALFORMED -> HttpServletResponse.SC_BAD_REQUEST;
            case FINGERPRINT_MISMATCH -> 422;
            default -> HttpServletResponse.SC_CONFLICT;
        };
    }
}
