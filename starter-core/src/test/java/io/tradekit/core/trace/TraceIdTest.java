package io.tradekit.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;

class TraceIdTest {

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void newIdIs32LowercaseHexCharacters() {
        assertThat(TraceId.newId()).matches("[0-9a-f]{32}");
    }

    @Test
    void newIdIsUniqueAndValid() {
        Set<String> ids = new HashSet<>();
        IntStream.range(0, 1000).forEach(i -> ids.add(TraceId.newId()));

        assertThat(ids).hasSize(1000).allMatch(TraceId::isValid);
    }

    @Test
    void newIdsFromManyThreadsAtOnceAreUnique() throws Exception {
        int threads = 8;
        int perThread = 5_000;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<java.util.List<String>>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return IntStream.range(0, perThread).mapToObj(i -> TraceId.newId()).toList();
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            for (java.util.concurrent.Future<java.util.List<String>> future : futures) {
                ids.addAll(future.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }

            assertThat(ids).hasSize(threads * perThread).allMatch(id -> id.matches("[0-9a-f]{32}"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void currentIsTheMdcValueOrNull() {
        assertThat(TraceId.current()).isNull();

        MDC.put(TraceId.KEY, "abc-1");

        assertThat(TraceId.current()).isEqualTo("abc-1");
        assertThat(TraceId.KEY).isEqualTo("traceId");
    }

    @Test
    void getOrCreateStoresANewIdWhenAbsentAndReusesIt() {
        String created = TraceId.getOrCreate();

        assertThat(created).matches("[0-9a-f]{32}");
        assertThat(MDC.get(TraceId.KEY)).isEqualTo(created);
        assertThat(TraceId.getOrCreate()).isEqualTo(created);
    }

    @Test
    void getOrCreateReturnsAnExistingId() {
        MDC.put(TraceId.KEY, "from-gateway");

        assertThat(TraceId.getOrCreate()).isEqualTo("from-gateway");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "0af7651916cd43dd8448eb211c80319c", "gw-01.node_3", "A.B_C-D"})
    void acceptsIdsOfSafeCharacters(String id) {
        assertThat(TraceId.isValid(id)).isTrue();
    }

    @Test
    void acceptsUpTo64Characters() {
        assertThat(TraceId.isValid("a".repeat(64))).isTrue();
        assertThat(TraceId.isValid("a".repeat(65))).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"abc\r\nINFO forged", "abc\n", "with space", "${jndi:ldap://evil/a}", "a/b", "a;b",
        "订单", "tab\t", "%0d%0a", "\"quoted\""})
    void rejectsHostileOrMalformedIds(String id) {
        assertThat(TraceId.isValid(id)).isFalse();
    }

    @Test
    void openUsesAValidIncomingIdAndRemovesItOnClose() {
        try (TraceId.Scope scope = TraceId.open("upstream-42")) {
            assertThat(scope.getTraceId()).isEqualTo("upstream-42");
            assertThat(TraceId.current()).isEqualTo("upstream-42");
        }

        assertThat(TraceId.current()).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"x\r\n2024-01-01 INFO forged", "${jndi:ldap://evil/a}",
        "a-very-long-id-that-is-longer-than-sixty-four-characters-which-is-the-limit"})
    void openReplacesAHostileIncomingIdWithANewOne(String incoming) {
        try (TraceId.Scope scope = TraceId.open(incoming)) {
            assertThat(scope.getTraceId()).matches("[0-9a-f]{32}");
            assertThat(TraceId.current()).isEqualTo(scope.getTraceId());
        }
    }

    @Test
    void closeRestoresThePreviousId() {
        MDC.put(TraceId.KEY, "outer");

        try (TraceId.Scope scope = TraceId.open("inner")) {
            assertThat(TraceId.current()).isEqualTo(scope.getTraceId()).isEqualTo("inner");
        }

        assertThat(TraceId.current()).isEqualTo("outer");
    }

    @Test
    void nestedScopesRestoreInOrder() {
        try (TraceId.Scope outer = TraceId.open("first")) {
            assertThat(outer.getTraceId()).isEqualTo("first");
            try (TraceId.Scope inner = TraceId.open(null)) {
                assertThat(TraceId.current()).isEqualTo(inner.getTraceId()).isNotEqualTo("first");
            }
            assertThat(TraceId.current()).isEqualTo("first");
        }
        assertThat(TraceId.current()).isNull();
    }

    @Test
    void closingTwiceDoesNotDisturbTheRestoredId() {
        MDC.put(TraceId.KEY, "outer");
        TraceId.Scope scope = TraceId.open("inner");
        scope.close();
        MDC.put(TraceId.KEY, "set-later");

        scope.close();

        assertThat(TraceId.current()).isEqualTo("set-later");
    }

    @ParameterizedTest
    @ValueSource(strings = {"463ac35c9f6413ad", "0af7651916cd43dd8448eb211c80319c", "ABCDEF0123456789"})
    void externalIdsAreSixteenToSixtyFourHexCharacters(String id) {
        assertThat(TraceId.isWellFormedExternal(id)).isTrue();
        assertThat(TraceId.isWellFormedExternal("a".repeat(64))).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"463ac35c9f6413a", "gw-01.node_3-abcdef", "0af7651916cd43dd\r\n", "463ac35c9f6413az",
        "${jndi:ldap://evil/a}", "0af7651916cd43dd 8448eb211c80319c"})
    void externalIdsRefuseWhatIsShortLongOrNotHex(String id) {
        assertThat(TraceId.isWellFormedExternal(id)).isFalse();
        assertThat(TraceId.isWellFormedExternal("a".repeat(65))).isFalse();
    }

    @Test
    void openExternalDropsAnIdTheThreadHeldAndLeavesNone() {
        MDC.put(TraceId.KEY, "leaked");

        try (TraceId.Scope scope = TraceId.openExternal("0af7651916cd43dd8448eb211c80319c")) {
            assertThat(TraceId.current()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        }
        assertThat(TraceId.current()).isNull();
        try (TraceId.Scope scope = TraceId.openExternal("not-hex-at-all-here")) {
            assertThat(scope.getTraceId()).matches("[0-9a-f]{32}");
        }
        assertThat(TraceId.current()).isNull();
    }

    @Test
    void wrapRunsTheTaskWithTheIdOfItsCreatorAndRestoresTheThreadsOwn() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            Runnable task;
            String[] seen = new String[2];
            try (TraceId.Scope scope = TraceId.open("request-1")) {
                task = TraceId.wrap(() -> seen[0] = TraceId.current());
            }
            pool.submit(task).get(10, java.util.concurrent.TimeUnit.SECONDS);
            String after = pool.submit(TraceId::current).get(10, java.util.concurrent.TimeUnit.SECONDS);
            // A wrapped task created without an id runs without one, even on a thread that kept an id.
            pool.submit(() -> MDC.put(TraceId.KEY, "stale")).get(10, java.util.concurrent.TimeUnit.SECONDS);
            pool.submit(TraceId.wrap(() -> seen[1] = TraceId.current())).get(10, java.util.concurrent.TimeUnit.SECONDS);
            String restored = pool.submit(TraceId::current).get(10, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(seen[0]).isEqualTo("request-1");
            assertThat(after).isNull();
            assertThat(seen[1]).isNull();
            assertThat(restored).isEqualTo("stale");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void wrapRefusesNull() {
        org.assertj.core.api.Assertions.assertThatNullPointerException().isThrownBy(() -> TraceId.wrap(null));
    }
}
