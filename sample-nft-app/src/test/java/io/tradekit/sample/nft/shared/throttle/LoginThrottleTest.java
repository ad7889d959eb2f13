package io.tradekit.sample.nft.shared.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.sample.nft.SampleAppTest;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The throttle's policy against the dev Redis, with two "instances": the application's Redisson
 * client and a second client of its own on the same server (the limiter state lives only in Redis,
 * so two clients are what two instances share). Limits are small and key prefixes fresh per test.
 */
@SampleAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginThrottleTest {

    @Autowired
    RedissonClient first;

    @Value("${spring.data.redis.host}")
    String host;

    @Value("${spring.data.redis.port}")
    int port;

    RedissonClient second;

    @BeforeAll
    void secondInstance() {
        Config config = new Config();
        config.useSingleServer().setAddress("redis://" + host + ":" + port);
        second = Redisson.create(config);
    }

    @AfterAll
    void closeSecond() {
        second.shutdown();
    }

    @Test
    void twoInstancesShareOneFailureBudgetPerAccount() {
        LoginThrottleProperties settings = settings(3, 100);
        LoginThrottle a = new LoginThrottle(first, settings);
        LoginThrottle b = new LoginThrottle(second, settings);
        a.begin("user", "13900000001", "10.0.0.1");
        b.begin("user", "13900000001", "10.0.0.2");
        a.begin("user", "13900000001", "10.0.0.3");
        assertThatThrownBy(() -> b.begin("user", "13900000001", "10.0.0.4"))
                .isInstanceOfSatisfying(LoginThrottledException.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(900));
        assertThatThrownBy(() -> a.begin("user", "13900000001", "10.0.0.5")).isInstanceOf(LoginThrottledException.class);
        // Another account is untouched; so is the same phone in another scope.
        b.begin("user", "13900000002", "10.0.0.4");
        a.begin("staff", "13900000001", "10.0.0.4");
    }

    @Test
    void successesAreNotCountedAsFailures() {
        LoginThrottle throttle = new LoginThrottle(first, settings(3, 100));
        for (int i = 0; i < 10; i++) {
            throttle.begin("user", "13900000003", "10.0.0.1").succeeded();
        }
        for (int i = 0; i < 3; i++) {
            throttle.begin("user", "13900000003", "10.0.0.1");
        }
        assertThatThrownBy(() -> throttle.begin("user", "13900000003", "10.0.0.1"))
                .isInstanceOf(LoginThrottledException.class);
    }

    @Test
    void hammeringFromElsewhereNeverLocksTheOwnerOutOfAnAddressTheyUsed() {
        LoginThrottleProperties settings = settings(3, 100);
        LoginThrottle a = new LoginThrottle(first, settings);
        LoginThrottle b = new LoginThrottle(second, settings);
        a.begin("user", "13900000004", "192.0.2.10").succeeded();
        for (int i = 0; i < 3; i++) {
            b.begin("user", "13900000004", "198.51.100." + i);
        }
        assertThatThrownBy(() -> b.begin("user", "13900000004", "198.51.100.99"))
                .isInstanceOf(LoginThrottledException.class);
        // The owner's known address has a budget of its own; a new address of the owner waits (documented).
        b.begin("user", "13900000004", "192.0.2.10").succeeded();
        assertThatThrownBy(() -> a.begin("user", "13900000004", "203.0.113.7"))
                .isInstanceOf(LoginThrottledException.class);
        // Failures from the known address are limited too.
        for (int i = 0; i < 3; i++) {
            a.begin("user", "13900000004", "192.0.2.10");
        }
        assertThatThrownBy(() -> a.begin("user", "13900000004", "192.0.2.10"))
                .isInstanceOf(LoginThrottledException.class);
    }

    @Test
    void oneAddressIsLimitedAcrossAccountsAndARefusalSpendsNoAccountBudget() {
        LoginThrottle throttle = new LoginThrottle(first, settings(3, 5));
        for (int i = 0; i < 5; i++) {
            throttle.begin("user", "1390000010" + i, "10.9.9.9");
        }
        assertThatThrownBy(() -> throttle.begin("user", "13900000200", "10.9.9.9"))
                .isInstanceOfSatisfying(LoginThrottledException.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(60));
        // The refused attempt gave its account permit back: three failures remain for that account.
        for (int i = 0; i < 3; i++) {
            throttle.begin("user", "13900000200", "10.8.8." + i);
        }
        assertThatThrownBy(() -> throttle.begin("user", "13900000200", "10.8.8.8"))
                .isInstanceOf(LoginThrottledException.class);
    }

    @Test
    void concurrentAttemptsCannotOverrunABudget() throws Exception {
        LoginThrottleProperties settings = settings(10, 100);
        List<LoginThrottle> instances = List.of(new LoginThrottle(first, settings), new LoginThrottle(second, settings));
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> granted = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            granted.add(pool.submit(() -> {
                start.await();
                try {
                    instances.get(n % 2).begin("user", "13900000300", "10.1." + (n % 64) + ".1");
                    return true;
                } catch (LoginThrottledException e) {
                    return false;
                }
            }));
        }
        start.countDown();
        int count = 0;
        for (Future<Boolean> g : granted) {
            count += g.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(count).isEqualTo(10);
    }

    @Test
    void spellingsOfOneAccountShareItsBudget() {
        LoginThrottle throttle = new LoginThrottle(first, settings(3, 100));
        throttle.begin("staff", "admin", "10.0.0.1");
        throttle.begin("staff", "ＡＤＭＩＮ", "10.0.0.2");
        throttle.begin("staff", " Admin ", "10.0.0.3");
        assertThatThrownBy(() -> throttle.begin("staff", "aDmIn", "10.0.0.4")).isInstanceOf(LoginThrottledException.class);
    }

    @Test
    void hostileArgumentsAndSettings() {
        LoginThrottle throttle = new LoginThrottle(first, settings(3, 100));
        assertThatThrownBy(() -> throttle.begin(null, "a", "10.0.0.1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> throttle.begin("", "a", "10.0.0.1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> throttle.begin("user", null, "10.0.0.1")).isInstanceOf(IllegalArgumentException.class);
        // No address, an empty or a huge one: one shared "unknown" bucket or a fixed-length key, never an error.
        throttle.begin("user", "x".repeat(10_000), null);
        throttle.begin("user", "", "");
        throttle.begin("user", "\u0000\n\u202e", "a".repeat(10_000));

        LoginThrottleProperties zero = settings(0, 100);
        assertThatThrownBy(() -> new LoginThrottle(first, zero)).hasMessageContaining("sample.throttle.login.per-account.limit");
        LoginThrottleProperties shortWindow = settings(3, 100);
        shortWindow.getPerAddress().setWindow(Duration.ofMillis(10));
        assertThatThrownBy(() -> new LoginThrottle(first, shortWindow))
                .hasMessageContaining("sample.throttle.login.per-address.window");
        LoginThrottleProperties blank = settings(3, 100);
        blank.setKeyPrefix(" ");
        assertThatThrownBy(() -> new LoginThrottle(first, blank)).hasMessageContaining("key-prefix");
    }

    @Test
    void refusesLoginsWhenRedisDoesNotAnswer() throws Exception {
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        Config config = new Config();
        config.setLazyInitialization(true);
        config.useSingleServer().setAddress("redis://127.0.0.1:" + closed).setConnectTimeout(200).setTimeout(200)
                .setRetryAttempts(0);
        RedissonClient dead = Redisson.create(config);
        try {
            LoginThrottle throttle = new LoginThrottle(dead, settings(3, 100));
            assertThatThrownBy(() -> throttle.begin("user", "13900000400", "10.0.0.1"))
                    .isInstanceOfSatisfying(BizException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo(CommonErrorCode.SERVICE_UNAVAILABLE));
        } finally {
            dead.shutdown();
        }
    }

    private static LoginThrottleProperties settings(long perAccount, long perAddress) {
        LoginThrottleProperties settings = new LoginThrottleProperties();
        settings.setKeyPrefix("test:throttle:" + UUID.randomUUID() + ":");
        settings.getPerAccount().setLimit(perAccount);
        settings.getPerAddress().setLimit(perAddress);
        return settings;
    }
}
