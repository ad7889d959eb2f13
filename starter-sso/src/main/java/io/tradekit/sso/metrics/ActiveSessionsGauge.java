package io.tradekit.sso.metrics;

import cn.dev33.satoken.stp.StpUtil;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * {@code tradekit.sso.sessions.active}: the accounts holding a Sa-Token account session in Redis, that is
 * users logged in on at least one device, counted over every instance sharing the Redis.
 *
 * <p>Why a periodic SCAN: a counter of logins minus logouts drifts (tokens expire without an event, and
 * each instance would count only its own), and Sa-Token keeps no index of sessions. So one thread counts
 * the {@code <token-name>:login:session:*} keys every {@code tradekit.sso.metrics.active-sessions-refresh}
 * (default 1 minute) with {@code SCAN ... COUNT 1000}: one pass over the keyspace per refresh, never on the
 * scrape or the request path, stopping at {@code active-sessions-limit}. The gauge shows the last count;
 * {@code NaN} before the first one and after a failed one (unknown is not zero).
 */
public final class ActiveSessionsGauge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ActiveSessionsGauge.class);
    private static final int SCAN_BATCH = 1000;

    private final StringRedisTemplate redis;
    private final Duration refresh;
    private final long limit;
    private volatile double value = Double.NaN;
    private volatile boolean failing;
    private ScheduledExecutorService executor;

    /**
     * @param registry where the gauge lives
     * @param redis    the Redis holding Sa-Token's sessions
     * @param refresh  time between two counts (positive)
     * @param limit    the count stops here (the gauge then shows the limit: at least that many)
     */
    public ActiveSessionsGauge(MeterRegistry registry, StringRedisTemplate redis, Duration refresh, long limit) {
        if (refresh == null || refresh.isNegative() || refresh.isZero() || limit < 1) {
            throw new IllegalArgumentException("tradekit.sso.metrics.active-sessions-refresh must be positive "
                    + "and active-sessions-limit at least 1");
        }
        this.redis = redis;
        this.refresh = refresh;
        this.limit = limit;
        Gauge.builder(SsoMetrics.ACTIVE_SESSIONS, this, ActiveSessionsGauge::value).strongReference(true)
                .description("Accounts with a session in Redis, counted every refresh interval").register(registry);
    }

    /** The last count, or {@code NaN} when none succeeded yet or the last one failed. */
    public double value() {
        return value;
    }

    /** Counts now (the scheduled refresh calls it; public for a test or an operator's tool). */
    public void refresh() {
        String pattern = escapeGlob(StpUtil.getStpLogic().splicingKeySession("")) + "*";
        ScanOptions options = ScanOptions.scanOptions().match(pattern).count(SCAN_BATCH).build();
        long count = 0;
        try (Cursor<String> keys = redis.scan(options)) {
            while (count < limit && keys.hasNext()) {
                keys.next();
                count++;
            }
            value = count;
            if (failing) {
                log.info("Counting the active SSO sessions works again");
                failing = false;
            }
        } catch (RuntimeException e) {
            value = Double.NaN;
            if (!failing) {
                // One line per failure streak; the exception's message only (a Redis outage is no bug).
                log.warn("Counting the active SSO sessions failed, the gauge shows NaN until it works: {}",
                        e.toString());
                failing = true;
            }
        }
    }

    static String escapeGlob(String literal) {
        StringBuilder escaped = new StringBuilder(literal.length());
        for (char c : literal.toCharArray()) {
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    @Override
    public synchronized void start() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "tradekit-sso-sessions-gauge");
                thread.setDaemon(true);
                return thread;
            });
            executor.scheduleWithFixedDelay(this::refresh, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
