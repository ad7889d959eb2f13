package io.tradekit.sso.web;

import cn.dev33.satoken.context.SaHolder;
import cn.dev33.satoken.exception.SaTokenException;
import cn.dev33.satoken.interceptor.SaInterceptor;
import cn.dev33.satoken.router.SaRouter;
import cn.dev33.satoken.stp.StpUtil;
import io.tradekit.sso.SsoRoute;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;

import java.util.List;

/**
 * Sa-Token's {@link SaInterceptor} running the route rules, then (when {@code loginRequired}) a login
 * check on every path but the public ones; failures are answered here as JSON, so no application
 * exception handler can turn them into something else. An answer that needed a login carries
 * {@code Cache-Control: no-store}.
 *
 * <p>Rules match Sa-Token's request path (the raw request URI without the context path); the
 * firewall filter in front rejects the URIs that would be read differently by Spring MVC
 * ({@code //}, {@code ;}, encoded dots and slashes, {@code /./}, {@code /../}).
 */
public class SsoRouteInterceptor extends SaInterceptor {

    public SsoRouteInterceptor(List<SsoRoute> routes, List<String> publicPaths, boolean loginRequired) {
        List<SsoRoute> rules = List.copyOf(routes);
        List<String> open = List.copyOf(publicPaths);
        setAuth(handler -> {
            for (SsoRoute rule : rules) {
                SaRouter.match(rule.pattern()).check(r -> {
                    requireLogin();
                    if (rule.permission() != null) {
                        StpUtil.checkPermission(rule.permission());
                    }
                    if (rule.role() != null) {
                        StpUtil.checkRole(rule.role());
                    }
                });
            }
            if (loginRequired) {
                SaRouter.match("/**").notMatch(open).check(r -> requireLogin());
            }
        });
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
        }
    }
}
