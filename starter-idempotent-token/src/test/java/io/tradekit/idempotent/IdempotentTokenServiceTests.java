package io.tradekit.idempotent;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.tradekit.devservices.junit.WithDevServices;
import io.tradekit.devservices.redis.RedisDevService;
import io.tradekit.idempotent.store.IdempotentTokenStore;
import io.tradekit.idempotent.store.LettuceTokenStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@link IdempotentTokenService} on a {@link LettuceTokenStore} against a real Redis. */
@WithDevServices
class IdempotentTokenServiceTests {

    private static final String PREFIX = "test:idem:";
    static final String FP_A = "a".repeat(64);
    static final String FP_B = "b".repeat(64);

    static LettuceTokenStore store;
    static RedisClient probeClient;
    static StatefulRedisConnection<String, String> probe;
    static final AtomicInteger storeCalls = new AtomicInteger();
    static final Map<ConsumeOutcome, AtomicInteger> observed = new EnumMap<>(ConsumeOutcome.class);
    static IdempotentTokenService tokens;

    @BeforeAll
    static void setUp(RedisDevService redis) {
        store = new LettuceTokenStore(RedisClient.create(redis.uri()), Duration.ofSeconds(5), Duration.ofSeconds(1), true);
        for (ConsumeOutcome outcome : ConsumeOutcome.values()) {
            observed.put(outcome, new AtomicInteger());
        }
        IdempotentTokenStore counting = new IdempotentTokenStore() {
            @Override
            public boolean save(String key, String owner, Duration ttl) {
                storeCalls.incrementAndGet();
                return store.save(key, owner, ttl);
            }

            @Override
            public ConsumeOutcome consume(String key, String owner) {
                storeCalls.incrementAndGet();
                return store.consume(key, owner);
            }

            @Override
            public ConsumeOutcome claim(String key, String owner, String fingerprint, String claimId) {
                storeCalls.incrementAndGet();
                return store.claim(key, owner, fingerprint, claimId);
            }

            @Override
            public boolean complete(String key, String claimId) {
                storeCalls.incrementAndGet();
                return store.complete(key, claimId);
            }

            @Override
            public boolean release(String key, String claimId) {
                storeCalls.incrementAndGet();
                return store.release(key, claimId);
            }
        };
        IdempotentTokenObserver observer = new IdempotentTokenObserver() {
            @Override
            public void consumed(String scene) {
                observed.get(ConsumeOutcome.CONSUMED).incrementAndGet();
            }

            @Override
            public void rejected(ConsumeOutcome outcome) {
                observed.get(outcome).incrementAndGet();
            }
        };
        tokens = new IdempotentTokenService(counting, PREFIX, Duration.ofMinutes(30), observer);
        probeClient = RedisClient.create(redis.uri());
        probe = probeClient.connect();
    }

    @AfterAll
    static void tearDown() {
        store.close();
        probe.close();
        probeClient.shutdown();
    }

    private static RedisCommands<String, String> redis() {
        return probe.sync();
    }

    @Test
    void issueStoresTheUuidUnderPrefixTokenAndSceneWithTheTtl() {
        String token = tokens.issue("orderList");
        assertThat(token).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        String key = PREFIX + token + ":orderList";
        assertThat(redis().get(key)).isEqualTo("*");
        assertThat(redis().pttl(key)).isBetween(29L * 60_000, 30L * 60_000);
        String bound = tokens.issue("orderList", "user-42");
        assertThat(redis().get(PREFIX + bound + ":orderList")).isEqualTo("o:user-42");
    }

    @Test
    void aTokenIsSpentExactlyOnceAndItsKeyIsGone() {
        String token = tokens.issue("orderList");
        assertThat(tokens.consume(token, "orderList")).isTrue();
        assertThat(redis().exists(PREFIX + token + ":orderList")).isZero();
        assertThat(tokens.tryConsume(token, "orderList", null)).isEqualTo(ConsumeOutcome.NOT_FOUND);
    }

    @Test
    void ofFiftyConcurrentConsumersExactlyOneWinsInEveryRound() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            for (int round = 0; round < 20; round++) {
                String token = tokens.issue("orderList");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return tokens.consume(token, "orderList");
                    }));
                }
                start.countDown();
                int winners = 0;
                for (Future<Boolean> result : results) {
                    winners += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(winners).as("round " + round).isEqualTo(1);
                assertThat(redis().exists(PREFIX + token + ":orderList")).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTokenOfAnotherSceneIsNotFoundAndStays() {
        String token = tokens.issue("pay");
        assertThat(tokens.tryConsume(token, "orderList", null)).isEqualTo(ConsumeOutcome.NOT_FOUND);
        assertThat(tokens.consume(token, "pay")).isTrue();
    }

    @Test
    void aBoundTokenRefusesOtherOwnersAndNoOwnerAndStaysForItsOwner() {
        String token = tokens.issue("orderList", "alice");
        assertThat(tokens.tryConsume(token, "orderList", "bob")).isEqualTo(ConsumeOutcome.OWNER_MISMATCH);
        assertThat(tokens.tryConsume(token, "orderList", null)).isEqualTo(ConsumeOutcome.OWNER_MISMATCH);
        assertThat(tokens.tryConsume(token, "orderList", "o:alice")).isEqualTo(ConsumeOutcome.OWNER_MISMATCH);
        assertThat(tokens.tryConsume(token, "orderList", "*")).isEqualTo(ConsumeOutcome.OWNER_MISMATCH);
        assertThat(tokens.tryConsume(token, "orderList", "alice\r\n")).isEqualTo(ConsumeOutcome.OWNER_MISMATCH);
        assertThat(redis().exists(PREFIX + token + ":orderList")).isEqualTo(1L);
        assertThat(tokens.consume(token, "orderList", "alice")).isTrue();
    }

    @Test
    void anUnboundTokenMayBeSpentByAnyOwner() {
        String token = tokens.issue("orderList");
        assertThat(tokens.consume(token, "orderList", "carol")).isTrue();
    }

    @Test
    void anUpperCaseCopyOfATokenNamesTheSameKey() {
        String token = tokens.issue("orderList");
        assertThat(tokens.consume(token.toUpperCase(), "orderList")).isTrue();
        assertThat(tokens.consume(token, "orderList")).isFalse();
    }

    @Test
    void malformedTokensAndScenesAreRejectedWithoutAskingRedis() {
        String valid = tokens.issue("orderList");
        int callsBefore = storeCalls.get();
        assertThat(tokens.tryConsume(null, "orderList", null)).isEqualTo(ConsumeOutcome.MISSING);
        assertThat(tokens.tryConsume("", "orderList", null)).isEqualTo(ConsumeOutcome.MISSING);
        List<String> badTokens = List.of(" ", "x".repeat(100_000), "not-a-uuid", valid + "\r\n", "\n" + valid,
                valid.replace('-', '_'), "\"]] redis.call('FLUSHALL') --", "#{T(java.lang.Runtime).getRuntime()}",
                "${jndi:ldap://x}", "*", "１２３e4567-e89b-12d3-a456-426614174000", "g23e4567-e89b-12d3-a456-426614174000");
        for (String token : badTokens) {
            assertThat(tokens.tryConsume(token, "orderList", null)).as(token).isEqualTo(ConsumeOutcome.MALFORMED);
        }
        List<String> badScenes = Arrays.asList(null, "", "a".repeat(65), "order List", "order:List", "orderList\r\n",
                "*", "\"]] redis.call('FLUSHALL') --", "#{1+1}", "场景");
        for (String scene : badScenes) {
            assertThat(tokens.tryConsume(valid, scene, null)).as(String.valueOf(scene)).isEqualTo(ConsumeOutcome.MALFORMED);
        }
        assertThat(storeCalls.get()).isEqualTo(callsBefore);
        assertThat(redis().exists(PREFIX + valid + ":orderList")).isEqualTo(1L);
        assertThat(redis().dbsize()).isPositive();
    }

    @Test
    void issueRefusesInvalidScenesAndOwners() {
        for (String scene : Arrays.asList(null, "", "a".repeat(65), "a b", "a:b", "a\r\nb", "redis.call('FLUSHALL')")) {
            assertThatIllegalArgumentException().as(String.valueOf(scene)).isThrownBy(() -> tokens.issue(scene));
        }
        for (String owner : List.of("", "x".repeat(129), "alice\nbob", "a\u2028b")) {
            assertThatIllegalArgumentException().as(owner).isThrownBy(() -> tokens.issue("orderList", owner));
        }
    }

    @Test
    void theScriptIsLoadedAgainAfterScriptFlush() {
        String token = tokens.issue("orderList");
        redis().scriptFlush();
        assertThat(tokens.consume(token, "orderList")).isTrue();
        String second = tokens.issue("orderList");
        assertThat(tokens.consume(second, "orderList")).isTrue();
    }

    @Test
    void theObserverHearsEveryOutcome() {
        Map<ConsumeOutcome, Integer> before = new EnumMap<>(ConsumeOutcome.class);
        observed.forEach((outcome, count) -> before.put(outcome, count.get()));
        String token = tokens.issue("orderList", "alice");
        tokens.tryConsume(null, "orderList", null);
        tokens.tryConsume("junk", "orderList", null);
        tokens.tryConsume(token, "orderList", "bob");
        tokens.claim(token, "orderList", "alice", FP_A);
        tokens.claim(token, "orderList", "alice", FP_A);
        tokens.claim(token, "orderList", "alice", FP_B);
        tokens.tryConsume(token, "orderList", "alice");
        for (ConsumeOutcome outcome : ConsumeOutcome.values()) {
            assertThat(observed.get(outcome).get() - before.get(outcome)).as(outcome.name()).isEqualTo(1);
        }
    }

    @Test
    void aClaimTakesTheTokenThenCompleteSpendsItKeepingItsExpiry() {
        String token = tokens.issue("orderList", "alice");
        String key = PREFIX + token + ":orderList";
        TokenClaim claim = tokens.claim(token, "orderList", "alice", FP_A);
        assertThat(claim.isClaimed()).isTrue();
        assertThat(redis().get(key)).startsWith("f:").contains(FP_A).endsWith(":o:alice");
        assertThat(tokens.claim(token, "orderList", "alice", FP_A).outcome()).isEqualTo(ConsumeOutcome.IN_PROGRESS);
        assertThat(tokens.claim(token, "orderList", "alice", FP_B).outcome())
                .isEqualTo(ConsumeOutcome.FINGERPRINT_MISMATCH);
        assertThat(tokens.claim(token, "orderList", "bob", FP_A).outcome()).isEqualTo(ConsumeOutcome.OWNER_MISMATCH);
        assertThat(tokens.tryConsume(token, "orderList", "alice")).as("no one-step spend of a taken token")
                .isEqualTo(ConsumeOutcome.NOT_FOUND);
        assertThat(tokens.complete(claim)).isTrue();
        assertThat(redis().get(key)).isEqualTo("s:" + FP_A + ":o:alice");
        assertThat(redis().pttl(key)).isBetween(29L * 60_000, 30L * 60_000);
        assertThat(tokens.claim(token, "orderList", "alice", FP_A).outcome()).isEqualTo(ConsumeOutcome.NOT_FOUND);
        assertThat(tokens.claim(token, "orderList", "alice", FP_B).outcome())
                .isEqualTo(ConsumeOutcome.FINGERPRINT_MISMATCH);
        assertThat(tokens.claim(token, "orderList", "bob", FP_B).outcome()).as("no hint for another user")
                .isEqualTo(ConsumeOutcome.OWNER_MISMATCH);
    }

    @Test
    void releaseGivesTheTokenBackAsIssuedButNeverResurrectsASpentOrReclaimedOne() {
        String token = tokens.issue("orderList");
        String key = PREFIX + token + ":orderList";
        TokenClaim first = tokens.claim(token, "orderList", null, FP_A);
        assertThat(tokens.release(first)).isTrue();
        assertThat(redis().get(key)).isEqualTo("*");
        assertThat(tokens.release(first)).as("a claim is released once").isFalse();

        TokenClaim second = tokens.claim(token, "orderList", null, FP_B);
        assertThat(second.isClaimed()).as("given back without its fingerprint: another request may use it").isTrue();
        assertThat(tokens.release(first)).as("a stale claim cannot free a later one").isFalse();
        assertThat(tokens.complete(first)).isFalse();
        assertThat(redis().get(key)).startsWith("f:");
        assertThat(tokens.complete(second)).isTrue();
        assertThat(tokens.release(second)).as("a spent token stays spent").isFalse();
        assertThat(redis().get(key)).isEqualTo("s:" + FP_B + ":*");
        assertThat(tokens.claim(token, "orderList", null, FP_B).outcome()).isEqualTo(ConsumeOutcome.NOT_FOUND);
    }

    @Test
    void ofFiftyConcurrentClaimsExactlyOneWinsAndTheOthersSeeItInProgress() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            for (int round = 0; round < 10; round++) {
                String token = tokens.issue("orderList");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<TokenClaim>> results = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return tokens.claim(token, "orderList", null, FP_A);
                    }));
                }
                start.countDown();
                int winners = 0;
                for (Future<TokenClaim> result : results) {
                    TokenClaim claim = result.get(30, TimeUnit.SECONDS);
                    if (claim.isClaimed()) {
                        winners++;
                    } else {
                        assertThat(claim.outcome()).isEqualTo(ConsumeOutcome.IN_PROGRESS);
                    }
                }
                assertThat(winners).as("round " + round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void claimRefusesABadFingerprintAndRejectedClaimsCannotBeFinished() {
        String token = tokens.issue("orderList");
        for (String fingerprint : Arrays.asList(null, "", "A".repeat(64), "a".repeat(63), "g".repeat(64), "a".repeat(65))) {
            assertThatIllegalArgumentException().as(String.valueOf(fingerprint))
                    .isThrownBy(() -> tokens.claim(token, "orderList", null, fingerprint));
        }
        TokenClaim rejected = tokens.claim("junk", "orderList", null, FP_A);
        assertThat(rejected.outcome()).isEqualTo(ConsumeOutcome.MALFORMED);
        assertThatIllegalArgumentException().isThrownBy(() -> tokens.complete(rejected));
        assertThatIllegalArgumentException().isThrownBy(() -> tokens.release(rejected));
        assertThat(redis().get(PREFIX + token + ":orderList")).isEqualTo("*");
    }
}
