package io.tradekit.sso;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tradekit.core.degrade.ServerBreaker;
import io.tradekit.core.degrade.ServerBreakers;
import io.tradekit.devservices.fault.RedisOnSamePort;
import io.tradekit.sso.session.BreakerSaTokenDao;
import io.tradekit.devservices.redis.RedisDevService;
import io.tradekit.devservices.redis.RedisSettings;
import io.tradekit.devservices.support.FreePorts;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.tradekit.devservices.fault.Latencies.percentileMs;
import static io.tradekit.sso.TwoApps.auth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * While the session store's Redis is down the application degrades: logins and login checks answer
 * a JSON 503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After} (never a 500 or an HTML page), the
 * breaker refuses them without touching Redis, public paths keep working, the log stays bounded; when
 * Redis is back on the same port, logins work again without a restart.
 */
class RedisDownTests {

    private static final int OUTAGE_REQUESTS = 200;

    @Test
    void loginsAndChecksAnswer503FastWhileRedisIsDownAndWorkAgainWhenItIsBack() throws Exception {
        int redisPort = FreePorts.next();
        RedisSettings settings = new RedisSettings(redisPort, null, Duration.ofSeconds(10));
        RedisDevService redis = RedisDevService.start(settings);
        RedisOnSamePort.Binary binary = RedisOnSamePort.keep(redis.executable());
        int port = FreePorts.next();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        try (ConfigurableApplicationContext app = TwoApps.start("sso-redis-down", port, TwoApps.LETTUCE_ONLY,
                "tradekit.dev-services.redis.enabled=false",
                "spring.data.redis.url=" + redis.uri(),
                "spring.data.redis.timeout=500ms",
                "spring.data.redis.connect-timeout=500ms",
                "tradekit.degrade.servers.redis.open-duration=1s")) {
            // The starter hands Sa-Token the store behind the breaker (the last started context's, here this one).
            assertThat(cn.dev33.satoken.SaManager.getSaTokenDao()).isInstanceOfSatisfying(BreakerSaTokenDao.class,
                    guarded -> assertThat(guarded.delegate()).isSameAs(app.getBean(cn.dev33.satoken.dao.SaTokenDao.class)));
            TwoApps.publishSaTokenStatics(app);
            ServerBreaker breaker = app.getBean(ServerBreakers.class).breaker("redis");
            // publishSaTokenStatics hands Sa-Token the bare store bean; the starter hands it this wrapper.
            cn.dev33.satoken.SaManager.setSaTokenDao(
                    new BreakerSaTokenDao(app.getBean(cn.dev33.satoken.dao.SaTokenDao.class), breaker));
            assertThat(app.getBean(cn.dev33.satoken.dao.SaTokenDao.class))
                    .isInstanceOf(cn.dev33.satoken.dao.SaTokenDaoForRedisTemplate.class);
            RawHttp http = new RawHttp(port);
            String token = TwoApps.login(http, "alice");
            assertThat(http.get("/me", auth(token)).body()).isEqualTo("1001");

            log.start();
            root.addAppender(log);
            long killedAt = System.nanoTime();
            redis.close();

            // The first requests wait for the client's timeout, then the breaker opens: count the answers.
            int unavailable = 0;
            long firstRefusalAt = 0;
            List<Long> refusedNanos = new ArrayList<>();
            for (int i = 0; i < OUTAGE_REQUESTS; i++) {
                long start = System.nanoTime();
                long refusedBefore = breaker.refusedCalls();
                RawHttp.Response response = i % 10 == 9 ? http.post("/login/bob") : http.get("/me", auth(token));
                long elapsed = System.nanoTime() - start;
                assertThat(response.status()).as("answer %d: %s", i, response).isEqualTo(503);
                assertThat(response.header("Content-Type")).startsWith("application/json");
                assertThat(response.code()).isEqualTo("SERVICE_UNAVAILABLE");
                assertThat(response.json().get("success").asBoolean()).isFalse();
                assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(1L, 5L);
                unavailable++;
                if (breaker.refusedCalls() > refusedBefore) {
                    refusedNanos.add(elapsed);
                    if (firstRefusalAt == 0) {
                        firstRefusalAt = System.nanoTime();
                    }
                }
            }
            assertThat(unavailable).isEqualTo(OUTAGE_REQUESTS);
            // Most answers never touched Redis: the breaker refused them.
            assertThat(breaker.refusedCalls()).isGreaterThan(OUTAGE_REQUESTS / 2);
            assertThat(breaker.isOpen()).isTrue();
            assertThat(http.get("/public/hello").body()).isEqualTo("hello");

            // One line per state change and a periodic count, not a line per request.
            List<ILoggingEvent> noisy = log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
            assertThat(noisy).as("WARN/ERROR lines for %d requests: %s", OUTAGE_REQUESTS, noisy)
                    .hasSizeLessThan(20);
            assertThat(log.list.stream().filter(e -> e.getThrowableProxy() != null
                    && e.getLoggerName().startsWith("io.tradekit"))).isEmpty();
            assertThat(log.list.stream().map(ILoggingEvent::getFormattedMessage))
                    .anyMatch(line -> line.contains("Breaker of server 'redis'") && line.contains("-> OPEN"));

            RedisOnSamePort back = RedisOnSamePort.start(binary.path(), redisPort, Duration.ofSeconds(10));
            long restartedAt = System.nanoTime();
            try {
                // The restarted Redis is empty: the old token is unknown, a new login works.
                String again = loginWithin(http, Duration.ofSeconds(30));
                long recoveredAt = System.nanoTime();
                assertThat(http.get("/me", auth(again)).body()).isEqualTo("1001");
                assertThat(breaker.state()).isEqualTo("CLOSED");
                assertThat(http.get("/me", auth(token)).status()).isEqualTo(401);
                System.out.printf("MEASURE sso redis-down: first refusal %d ms after the kill; refused answers %d,"
                                + " p50 %.2f ms, p99 %.2f ms; WARN/ERROR lines %d for %d requests; recovered %d ms"
                                + " after the restart%n",
                        (firstRefusalAt - killedAt) / 1_000_000, refusedNanos.size(),
                        percentileMs(refusedNanos, 50), percentileMs(refusedNanos, 99), noisy.size(), OUTAGE_REQUESTS,
                        (recoveredAt - restartedAt) / 1_000_000);
            } finally {
                back.close();
            }
        } finally {
            root.detachAppender(log);
            redis.close();
            binary.close();
        }
    }

    /** Logs alice in, retrying while the breaker still refuses (503), at most {@code bound}. */
    private static String loginWithin(RawHttp http, Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            RawHttp.Response response = http.post("/login/alice");
            if (response.status() == 200) {
                return response.data();
            }
            assertThat(response.status()).as("while recovering: %s", response).isEqualTo(503);
            if (System.nanoTime() > deadline) {
                fail("no login succeeded after Redis came back, within the bound of this wait (" + bound + ")");
            }
            Thread.sleep(100);
        }
    }
}
