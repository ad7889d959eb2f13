package io.tradekit.sso.web;

import cn.dev33.satoken.config.SaCookieConfig;
import cn.dev33.satoken.context.SaHolder;
import cn.dev33.satoken.stp.StpLogic;
import io.tradekit.sso.session.OneRoundTripStpLogic;
import cn.dev33.satoken.stp.StpUtil;
import jakarta.servlet.ServletRequest;

/**
 * Sa-Token's {@link StpLogic} for {@link StpUtil}, writing the token cookie with {@code Secure} whenever
 * the login request itself was secure ({@link ServletRequest#isSecure()}), whatever
 * {@code tradekit.sso.cookie.secure} says; the other attributes ({@code HttpOnly}, {@code SameSite},
 * path, domain) stay as configured.
 *
 * <p>Its login checks cost one Redis round trip per request ({@link OneRoundTripStpLogic}).
 *
 * <p>Behind a TLS-terminating proxy the request is secure only when the application trusts the proxy's
 * {@code X-Forwarded-Proto}: set {@code server.forward-headers-strategy=native} (or {@code framework}).
 */
public class SecureCookieStpLogic extends OneRoundTripStpLogic {

    public SecureCookieStpLogic() {
        super(StpUtil.TYPE);
    }

    @Override
    public void setTokenValueToCookie(String tokenValue, SaCookieConfig cookieConfig, int cookieTimeout) {
        SaCookieConfig configured = cookieConfig != null ? cookieConfig : getConfigOrGlobal().getCookie();
        SaCookieConfig effective = configured;
        if (!Boolean.TRUE.equals(configured.getSecure()) && requestIsSecure()) {
            // A copy: the configured object is shared by every request of the JVM.
            effective = new SaCookieConfig().setDomain(configured.getDomain()).setPath(configured.getPath())
                    .setHttpOnly(configured.getHttpOnly()).setSameSite(configured.getSameSite())
                    .setExtraAttrs(configured.getExtraAttrs()).setSecure(true);
        }
        super.setTokenValueToCookie(tokenValue, effective, cookieTimeout);
    }

    static boolean requestIsSecure() {
        return SaHolder.getRequest().getSource() instanceof ServletRequest request && request.isSecure();
    }
}
