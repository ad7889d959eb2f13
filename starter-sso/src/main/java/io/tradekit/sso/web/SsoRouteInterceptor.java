package io.tradekit.sso.web;

import cn.dev33.satoken.exception.SaTokenException;
import cn.dev33.satoken.interceptor.SaInterceptor;
import cn.dev33.satoken.router.SaRouter;
import cn.dev33.satoken.stp.StpUtil;
import io.tradekit.sso.SsoRoute;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.List;

/**
 * Sa-Token's {@link SaInterceptor} running the route rules, then (when {@code loginRequired}) a login
 * check on every path but the public ones; failures are answered here as JSON, so no application
 * exception handler can turn them into something else.
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
                    StpUtil.checkLogin();
                    if (rule.permission() != null) {
                        StpUtil.checkPermission(rule.permission());
                    }
                    if (rule.role() != null) {
                        StpUtil.checkRole(rule.role());
                    }
                });
            }
            if (loginRequired) {
                SaRouter.match("/**").notMatch(open).check(r -> StpUtil.checkLogin());
            }
        });
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
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
