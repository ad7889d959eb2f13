package io.tradekit.idempotent;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Spends the call's token before the method runs, for entries that are not HTTP requests (Dubbo
 * facades, listeners); the HTTP twin is {@link io.tradekit.idempotent.web.IdempotentTokenHandlerInterceptor}.
 *
 * <pre>{@code
 * @IdempotentToken(scene = "orderList", tokenExpression = "#request.token", ownerExpression = "#request.buyerId")
 * public OrderResponse create(OrderCreateRequest request) { ... }
 * }</pre>
 *
 * <p>A rejected token throws {@link IdempotentTokenException} (code {@code PARAM_INVALID} when
 * missing or malformed, {@code DUPLICATE_REQUEST} when unknown, used, expired or another owner's)
 * and the method does not run; Redis unreachable throws {@link IdempotentTokenUnavailableException}.
 * Expressions are parsed once, when the bean is created: a bad one fails the start-up.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface IdempotentToken {

    /** The scene the token was issued for, 1–64 characters of {@code [A-Za-z0-9_.-]}; required. */
    String scene();

    /**
     * SpEL over the method's arguments giving the token, e.g. {@code #request.token} or {@code #p0};
     * required. Type, constructor and bean references are refused.
     */
    String tokenExpression();

    /**
     * SpEL over the method's arguments giving the caller's user id, for tokens bound to a user;
     * empty (the default) spends unbound tokens only.
     */
    String ownerExpression() default "";
}
