package io.tradekit.sso.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The login counters: {@code tradekit.sso.logins{outcome=success|failure|throttled}} and
 * {@code tradekit.sso.logouts{reason=logout|kickout|replaced}}.
 *
 * <p>Successes and logouts are counted from Sa-Token's events ({@link SsoMetricsListener}), whatever
 * started them. Failures and throttled attempts happen before the starter is called (the application checks
 * the password and runs its throttle), so the application reports them here:
 * <pre>{@code
 * if (!passwordMatches) { ssoMetrics.loginFailed(); throw ...; }
 * }</pre>
 */
public final class SsoMetrics {

    /** Counter of login attempts, tag {@code outcome}. */
    public static final String LOGINS = "tradekit.sso.logins";
    /** Counter of ended logins, tag {@code reason}. */
    public static final String LOGOUTS = "tradekit.sso.logouts";
    /** Gauge of the accounts holding a session (all instances sharing the Redis see the same number). */
    public static final String ACTIVE_SESSIONS = "tradekit.sso.sessions.active";

    private final Counter succeeded;
    private final Counter failed;
    private final Counter throttled;
    private final Counter logouts;
    private final Counter kickouts;
    private final Counter replaced;

    /** @param registry where the counters live */
    public SsoMetrics(MeterRegistry registry) {
        succeeded = login(registry, "success");
        failed = login(registry, "failure");
        throttled = login(registry, "throttled");
        logouts = logout(registry, "logout");
        kickouts = logout(registry, "kickout");
        replaced = logout(registry, "replaced");
    }

    /** A login issued a token (counted by the listener; applications need not call it). */
    public void loginSucceeded() {
        succeeded.increment();
    }

    /** The application refused a login: wrong password, unknown account. */
    public void loginFailed() {
        failed.increment();
    }

    /** The application refused a login attempt before checking it: a throttle limit was reached. */
    public void loginThrottled() {
        throttled.increment();
    }

    void loggedOut() {
        logouts.increment();
    }

    void kickedOut() {
        kickouts.increment();
    }

    void replaced() {
        replaced.increment();
    }

    private static Counter login(MeterRegistry registry, String outcome) {
        return Counter.builder(LOGINS).tag("outcome", outcome).description("Login attempts by outcome")
                .register(registry);
    }

    private static Counter logout(MeterRegistry registry, String reason) {
        return Counter.builder(LOGOUTS).tag("reason", reason)
                .description("Tokens ended: logout, kicked out, or replaced by a newer login").register(registry);
    }
}
