package io.tradekit.sso.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tradekit.devservices.support.FreePorts;
import io.tradekit.sso.SsoMetricsTestSupport;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The SSO meters on a real application and a real Redis: logins and logouts counted from Sa-Token's
 * events, the active-session gauge from a SCAN of this application's own token name.
 */
class SsoMetricsTests {

    private static ConfigurableApplicationContext app;
    private static SsoMetricsTestSupport http;

    @BeforeAll
    static void start() {
        int port = FreePorts.next();
        // A token name of its own: the gauge counts only this test's sessions in the shared dev Redis.
        app = SsoMetricsTestSupport.start(port, "tradekit.sso.token-name=metrics-token",
                "tradekit.sso.metrics.active-sessions-refresh=1h");
        http = new SsoMetricsTestSupport(app, port);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void loginsAndLogoutsAreCountedFromSaTokensEvents() throws Exception {
        MeterRegistry registry = app.getBean(MeterRegistry.class);
        double logins = count(registry, SsoMetrics.LOGINS, "outcome", "success");
        double logouts = count(registry, SsoMetrics.LOGOUTS, "reason", "logout");

        String token = http.login("bob");
        assertThat(count(registry, SsoMetrics.LOGINS, "outcome", "success")).isEqualTo(logins + 1);
        http.logout(token);
        assertThat(count(registry, SsoMetrics.LOGOUTS, "reason", "logout")).isEqualTo(logouts + 1);

        SsoMetrics metrics = app.getBean(SsoMetrics.class);
        double failures = count(registry, SsoMetrics.LOGINS, "outcome", "failure");
        double throttled = count(registry, SsoMetrics.LOGINS, "outcome", "throttled");
        metrics.loginFailed();
        metrics.loginThrottled();
        assertThat(count(registry, SsoMetrics.LOGINS, "outcome", "failure")).isEqualTo(failures + 1);
        assertThat(count(registry, SsoMetrics.LOGINS, "outcome", "throttled")).isEqualTo(throttled + 1);
    }

    @Test
    void theGaugeCountsAccountsWithASessionInRedis() throws Exception {
        ActiveSessionsGauge gauge = app.getBean(ActiveSessionsGauge.class);
        MeterRegistry registry = app.getBean(MeterRegistry.class);
        gauge.refresh();
        double before = gauge.value();
        assertThat(before).isNotNaN();

        String alice = http.login("alice");
        String carol = http.login("carol");
        String carolElsewhere = http.login("carol"); // a second device: still one account with a session
        gauge.refresh();
        assertThat(gauge.value()).isEqualTo(before + 2);
        assertThat(registry.get(SsoMetrics.ACTIVE_SESSIONS).gauge().value()).isEqualTo(before + 2);

        http.logout(alice);
        gauge.refresh();
        assertThat(gauge.value()).isEqualTo(before + 1);
        http.logout(carol);
        http.logout(carolElsewhere);
    }

    @Test
    void theCountStopsAtItsLimitAndAFailedCountIsUnknownNotZero() throws Exception {
        String dave = http.login("dave");
        RedisConnectionFactory factory = app.getBean(RedisConnectionFactory.class);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ActiveSessionsGauge capped = new ActiveSessionsGauge(registry, new StringRedisTemplate(factory),
                Duration.ofHours(1), 1);
        assertThat(capped.value()).as("before the first count").isNaN();
        String alice = http.login("alice");
        capped.refresh();
        assertThat(capped.value()).isEqualTo(1);

        StringRedisTemplate broken = new StringRedisTemplate(SsoMetricsTestSupport.unreachableRedis());
        ActiveSessionsGauge failing = new ActiveSessionsGauge(new SimpleMeterRegistry(), broken,
                Duration.ofHours(1), 10);
        failing.refresh();
        assertThat(failing.value()).isNaN();
        http.logout(dave);
        http.logout(alice);
    }

    @Test
    void badSettingsAreRefused() {
        StringRedisTemplate redis = new StringRedisTemplate(app.getBean(RedisConnectionFactory.class));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        assertThatThrownBy(() -> new ActiveSessionsGauge(registry, redis, Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("active-sessions-refresh");
        assertThatThrownBy(() -> new ActiveSessionsGauge(registry, redis, Duration.ofSeconds(-1), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ActiveSessionsGauge(registry, redis, null, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ActiveSessionsGauge(registry, redis, Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("active-sessions-limit");
    }

    @Test
    void globCharactersOfTheTokenNameAreLiteral() {
        assertThat(ActiveSessionsGauge.escapeGlob("a*b?c[d]e\\f:login:session:"))
                .isEqualTo("a\\*b\\?c\\[d\\]e\\\\f:login:session:");
        assertThat(ActiveSessionsGauge.escapeGlob("")).isEmpty();
    }

    private static double count(MeterRegistry registry, String name, String tag, String value) {
        return registry.get(name).tag(tag, value).counter().count();
    }
}
