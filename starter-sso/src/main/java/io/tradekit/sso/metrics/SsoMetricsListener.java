package io.tradekit.sso.metrics;

import cn.dev33.satoken.listener.SaTokenEventCenter;
import cn.dev33.satoken.listener.SaTokenListenerForSimple;
import cn.dev33.satoken.stp.parameter.SaLoginParameter;
import org.springframework.beans.factory.DisposableBean;

/**
 * Counts Sa-Token's login and logout events into {@link SsoMetrics}: no hook in the login code, and
 * every path that issues or ends a token (login, SSO ticket, logout, kickout, a login replacing an
 * older one) is counted once.
 *
 * <p>Sa-Token picks up every {@code SaTokenListener} bean at start-up into its static event centre;
 * the listener leaves it when the context closes, so a closed application stops counting. (Two live
 * applications in one JVM share Sa-Token's static state, and each counts the other's events too.)
 */
public final class SsoMetricsListener extends SaTokenListenerForSimple implements DisposableBean {

    private final SsoMetrics metrics;

    /** @param metrics the counters */
    public SsoMetricsListener(SsoMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void doLogin(String loginType, Object loginId, String tokenValue, SaLoginParameter loginParameter) {
        metrics.loginSucceeded();
    }

    @Override
    public void doLogout(String loginType, Object loginId, String tokenValue) {
        metrics.loggedOut();
    }

    @Override
    public void doKickout(String loginType, Object loginId, String tokenValue) {
        metrics.kickedOut();
    }

    @Override
    public void doReplaced(String loginType, Object loginId, String tokenValue) {
        metrics.replaced();
    }

    @Override
    public void destroy() {
        SaTokenEventCenter.removeListener(this);
    }
}
