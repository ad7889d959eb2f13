package io.tradekit.facade;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an RPC entry point whose call {@link io.tradekit.facade.aop.FacadeInterceptor} wraps:
 * arguments validated with Hibernate Validator, every exception turned into an error code of the
 * declared {@link io.tradekit.core.response.BaseResponse}, one masked log line and a timer.
 *
 * <pre>{@code
 * @DubboService
 * public class OrderFacadeImpl implements OrderFacade {
 *     @Facade
 *     public SingleResponse<String> create(@Valid OrderCreateRequest request) {
 *         return SingleResponse.of(orderService.create(request));
 *     }
 * }
 * }</pre>
 *
 * <p>On a type it applies to every public method the type declares or inherits (except those of
 * {@code Object}); an annotation on a method wins over the one on its type. Every such method must
 * return a concrete {@code BaseResponse} subclass with a public no-argument constructor and be one
 * a proxy can intercept (not private, static or final, not in a final class), otherwise the
 * application does not start. Calls through {@code this} bypass the proxy and are not wrapped.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Facade {

    /**
     * Returns the Jakarta Validation groups to validate the arguments with.
     *
     * @return the groups; empty (the default) means {@code jakarta.validation.groups.Default}
     */
    Class<?>[] groups() default {};
}
