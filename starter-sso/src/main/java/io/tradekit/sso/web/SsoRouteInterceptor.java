package io.tradekit.sso.web;

import cn.dev33.satoken.context.SaHolder;
import cn.dev33.satoken.exception.SaTokenException;
import cn.dev33.satoken.interceptor.SaInterceptor;
import cn.dev33.satoken.stp.StpUtil;
import io.tradekit.core.degrade.ServerUnavailableException;
import io.tradekit.core.web.FailureResponses;
import io.tradekit.sso.SsoRoute;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.List;

/**
 * Sa-Token's {@link SaInterceptor} running the route rules, then (when {@code loginRequired}) a login
 * check on every path but the public ones; failures are answered here as JSON, so no application
 * exception handler can turn them into something else. An answer that needed a login carries
 * {@code Cache-Control: no-store}. While the session store is down the check answers 503
 * {@code SERVICE_UNAVAILABLE} with {@code Retry-After} ({@link io.tradekit.sso.session.BreakerSaTokenDao}).
 *
 * <p>Rules match Sa-Token's request path (the raw request URI without the context path); the
 * firewall filter in front rejects the URIs that would be read differently by Spring MVC
 * ({@code //}, {@code ;}, encoded dots and slashes, {@code /./}, {@code /../}).
 */
public class SsoRouteInterceptor extends SaInterceptor {

    public SsoRouteInterceptor(List<SsoRoute> routes, List<String> publicPaths, boolean loginRequired) {
        // Parsed once: Sa-Token's SaRouter parses every pattern again on every request (it was ~6 % of
        // a logged-in request's CPU with the sample's 20 patterns). Same parser and matching as
        // Sa-Token's Spring route matcher (SaPathPatternParserUtil) and Spring MVC's handler mapping.
        List<CompiledRoute> rules = routes.stream().map(CompiledRoute::new).toList();
        List<PathPattern> open = publicPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
        setAuth(handler -> {
            PathContainer path = PathContainer.parsePath(SaHolder.getRequest().getRequestPath());
            for (CompiledRoute rule : rules) {
                if (rule.pattern().matches(path)) {
                    requireLogin();
                    if (rule.route().permission() != null) {
                        StpUtil.checkPermission(rule.route().permission());
                    }
                    if (rule.route().role() != null) {
                        StpUtil.checkRole(rule.route().role());
                    }
                }
            }
            if (loginRequired && open.stream().noneMatch(pattern -> pattern.matches(path))) {
                requireLogin();
            }
        });
    }

    private record CompiledRoute(SsoRoute route, PathPattern pattern) {
        CompiledRoute(SsoRoute route) {
            this(route, PathPatternParser.defaultInstance.parse(route.pattern()));
        }
    }

    /** A logged-in answer is personal: no browser or proxy may keep it ({@code Cache-Control: no-store}). */
    private static void requireLogin() {
        StpUtil.checkLogin();
        SaHolder.getResponse().setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /**
     * Guards {@code REQUEST} dispatches only. An {@code ERROR} dispatch renders the error of a request
     * that was guarded already (or refused before any handler), and an {@code ASYNC} dispatch continues a
     * guarded request; Sa-Token's context filter does not run on either, so checking them again could
     * only fail (it did: every 404 and 405 logged two stack traces and answered Tomcat's HTML page).
     */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        DispatcherType dispatch = request.getDispatcherType();
        if (dispatch == DispatcherType.ERROR || dispatch == DispatcherType.ASYNC) {
            return true;
        }
        try {
            return super.preHandle(request, response, handler);
        } catch (SaTokenException e) {
            SsoErrors.Failure failure = SsoErrors.of(e);
            if (failure == null) {
                throw e;
            }
            SsoErrors.write(response, failure);
            return false;
        } catch (ServerUnavailableException e) {
            // The session store is down (or its breaker open): 503 + Retry-After, the handler not reached.
            FailureResponses.writeUnavailable(response, e);
            return false;
        }
    }
}
