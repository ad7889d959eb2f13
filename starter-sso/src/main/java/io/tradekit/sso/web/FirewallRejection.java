package io.tradekit.sso.web;

import cn.dev33.satoken.exception.FirewallCheckException;
import cn.dev33.satoken.fun.strategy.SaFirewallCheckFailHandleFunction;
import cn.dev33.satoken.servlet.model.SaResponseForServlet;
import io.tradekit.core.error.CommonErrorCode;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What Sa-Token's firewall filter answers for a rejected request: {@code 400 PARAM_INVALID} as JSON.
 * Sa-Token's default writes its Chinese message, with the path, as {@code 200 text/plain}.
 */
public final class FirewallRejection implements SaFirewallCheckFailHandleFunction {

    @Override
    public void run(FirewallCheckException e, cn.dev33.satoken.context.model.SaRequest request,
                    cn.dev33.satoken.context.model.SaResponse response, Object extArg) {
        if (response instanceof SaResponseForServlet servlet
                && servlet.getSource() instanceof HttpServletResponse http) {
            try {
                SsoErrors.write(http, new SsoErrors.Failure(400, CommonErrorCode.PARAM_INVALID,
                        "The request path is not allowed."));
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
            return;
        }
        response.setStatus(400);
    }
}
