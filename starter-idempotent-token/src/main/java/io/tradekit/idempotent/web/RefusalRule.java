package io.tradekit.idempotent.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;
import java.util.Set;

/**
 * Decides whether a request that claimed a token was refused before it could change anything, so
 * that its token is given back: (1) the handler was never reached (an interceptor after the token
 * check refused it), (2) Spring MVC refused it while resolving the handler's arguments (binding,
 * conversion, unreadable body, {@code @Valid} failure, unsupported media type, no handler), or
 * (3) its status is one the application declared it answers only when nothing changed.
 */
final class RefusalRule {

    /** Set by the last interceptor: every interceptor passed, the handler is about to run. */
    static final String HANDLER_REACHED_ATTRIBUTE = RefusalRule.class.getName() + ".HANDLER_REACHED";

    /** Thrown by Spring MVC before it invokes the handler method. */
    private static final List<Class<? extends Throwable>> RAISED_BEFORE_HANDLER = List.of(
            ServletRequestBindingException.class, TypeMismatchException.class,
            HttpMessageNotReadableException.class, BindException.class, HandlerMethodValidationException.class,
            HttpMediaTypeNotSupportedException.class, HttpRequestMethodNotSupportedException.class,
            NoHandlerFoundException.class, NoResourceFoundException.class);

    private final Set<Integer> unspentStatuses;

    RefusalRule(Set<Integer> unspentStatuses) {
        this.unspentStatuses = Set.copyOf(unspentStatuses);
    }

    /**
     * @param failure the exception afterCompletion received ({@code null} when none or resolved)
     */
    boolean refusedBeforeAnyChange(HttpServletRequest request, HttpServletResponse response, Exception failure) {
        if (request.getAttribute(HANDLER_REACHED_ATTRIBUTE) == null) {
            return true;
        }
        Object resolved = failure != null ? failure : request.getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE);
        if (resolved == null) {
            resolved = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        }
        if (resolved instanceof Throwable thrown && raisedBeforeHandler(thrown)) {
            return true;
        }
        // An exception nobody resolved has no status yet: its outcome is unknown, so the token stays spent.
        return failure == null && unspentStatuses.contains(response.getStatus());
    }

    private static boolean raisedBeforeHandler(Throwable thrown) {
        for (Class<? extends Throwable> type : RAISED_BEFORE_HANDLER) {
            if (type.isInstance(thrown)) {
                return true;
            }
        }
        return false;
    }
}
