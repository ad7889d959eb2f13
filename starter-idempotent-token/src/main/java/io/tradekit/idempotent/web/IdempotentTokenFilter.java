package io.tradekit.idempotent.web;

import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.log.LogSanitizer;
import io.tradekit.core.web.FailureResponses;
import io.tradekit.idempotent.ConsumeOutcome;
import io.tradekit.idempotent.IdempotentTokenException;
import io.tradekit.idempotent.IdempotentTokenService;
import io.tradekit.idempotent.IdempotentTokenUnavailableException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;

/**
 * Lets a request to a guarded URL through only after spending its token (header
 * {@code Idempotency-Key} by default) for the URL's scene through {@link IdempotentTokenService}.
 *
 * <p>Answers, without calling the rest of the chain, with a JSON {@code BaseResponse}: 400
 * {@code PARAM_INVALID} when the header is missing, repeated or malformed; 409
 * {@code DUPLICATE_REQUEST} when the token is unknown, used, expired, for another scene, or another
 * user's (see {@link IdempotentOwnerResolver}); 503 {@code SERVICE_UNAVAILABLE} when Redis cannot
 * answer (fail closed). The container registers it for the configured patterns only; the scene is
 * chosen as the container chooses mappings (exact, longest prefix, extension).
 */
public class IdempotentTokenFilter implements Filter {

    private static final Logger log = LoggerFactory.getLogger(IdempotentTokenFilter.class);

    private final IdempotentTokenService tokens;
    private final ScenePatterns patterns;
    private final String header;
    private final IdempotentOwnerResolver ownerResolver;

    /**
     * Creates the filter.
     *
     * @param tokens        spends the tokens
     * @param patterns      the guarded URL patterns and their scenes
     * @param header        the request header carrying the token
     * @param ownerResolver tells the user of a request ({@link IdempotentOwnerResolver#NONE} for none)
     */
    public IdempotentTokenFilter(IdempotentTokenService tokens, List<ScenePattern> patterns, String header,
                                 IdempotentOwnerResolver ownerResolver) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.patterns = new ScenePatterns(patterns);
        this.header = Objects.requireNonNull(header, "header");
        this.ownerResolver = Objects.requireNonNull(ownerResolver, "ownerResolver");
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            throw new ServletException("IdempotentTokenFilter handles HTTP requests only");
        }
        String path = pathWithinApplication(request);
        String scene = patterns.sceneFor(path);
        if (scene == null) {
            // The container mapped us here, so one pattern matched its way: refuse rather than guess.
            log.warn("No idempotent scene matches {} although the filter was applied; request refused",
                    LogSanitizer.escape(path));
            reject(response, ConsumeOutcome.MALFORMED, null);
            return;
        }
        ConsumeOutcome outcome;
        try {
            outcome = consume(request, scene);
        } catch (IdempotentTokenUnavailableException e) {
            log.warn("Idempotent token store unavailable, request to {} refused: {}",
                    LogSanitizer.escape(path), LogSanitizer.escape(e.getMessage()));
            FailureResponses.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    CommonErrorCode.SERVICE_UNAVAILABLE,
                    "The duplicate-submission check is unavailable, please retry later.");
            return;
        }
        if (!outcome.isConsumed()) {
            log.debug("Idempotent token rejected for scene {}: {}", scene, outcome);
            reject(response, outcome, scene);
            return;
        }
        chain.doFilter(request, response);
    }

    private ConsumeOutcome consume(HttpServletRequest request, String scene) {
        Enumeration<String> values = request.getHeaders(header);
        if (values == null || !values.hasMoreElements()) {
            return tokens.tryConsume(null, scene, null);
        }
        String token = values.nextElement();
        if (values.hasMoreElements()) {
            return ConsumeOutcome.MALFORMED;
        }
        return tokens.tryConsume(token, scene, ownerResolver.resolveOwner(request));
    }

    private static void reject(HttpServletResponse response, ConsumeOutcome outcome, String scene) throws IOException {
        int status = switch (outcome) {
            case MISSING, MALFORMED -> HttpServletResponse.SC_BAD_REQUEST;
            default -> HttpServletResponse.SC_CONFLICT;
        };
        FailureResponses.write(response, status, IdempotentTokenException.errorCodeOf(outcome),
                IdempotentTokenException.describe(outcome, scene));
    }

    /** The path the container matched the filter mapping against: servlet path plus path info. */
    private static String pathWithinApplication(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }
}
