package io.tradekit.stock;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.redis.LettuceConnector;
import io.tradekit.devservices.DevServices;
import io.tradekit.stock.redis.StockKeys;
import io.tradekit.stock.redis.StockRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The scripts against a real Redis: replays, increases, records, retention, trimming and hostile input. */
class StockServiceTests {

    private static final String PREFIX = "test:stock:";
    private static final AtomicInteger ITEMS = new AtomicInteger();

    private static StockService stock;
    private static StockRedis stockRedis;
    private static RedisClient rawClient;
    private static RedisCommands<String, String> raw;

    @BeforeAll
    static void start() {
        String uri = DevServices.redis().uri();
        stockRedis = new StockRedis(new LettuceConnector(RedisClient.create(uri), Duration.ofSeconds(2),
                Duration.ofSeconds(1), true), new StockKeys(PREFIX));
        stock = new StockService(stockRedis, Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofSeconds(1),
                StockObserver.NONE);
        rawClient = RedisClient.create(uri);
        StatefulRedisConnection<String, String> connection = rawClient.connect();
        raw = connection.sync();
    }

    @AfterAll
    static void stop() {
        stock.close();
        stockRedis.close();
        rawClient.shutdown();
    }

    private static String newItem() {
        return "item-" + ITEMS.incrementAndGet() + "-" + System.nanoTime();
    }

    @Test
    void recordsListsEveryOperationAndCompareAndSetWritesOnlyOverTheExpectedStock() {
        String item = newItem();
        stock.init(item, 10);
        assertThat(stock.deduct(new StockCommand(item, "u1", "order-1", 2)).success()).isTrue();
        assertThat(stock.deduct(new StockCommand(item, "u2", "order-2", 1)).success()).isTrue();
        assertThat(stock.increase(new StockCommand(item, "u1", "order-1", 2)).success()).isTrue();

        List<StockRecord> records = stock.records(item);
        assertThat(records).extracting(StockRecord::type, StockRecord::buyerId, StockRecord::identifier, StockRecord::delta)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(StockOperation.DEDUCT, "u1", "order-1", -2L),
                        org.assertj.core.groups.Tuple.tuple(StockOperation.DEDUCT, "u2", "order-2", -1L),
                        org.assertj.core.groups.Tuple.tuple(StockOperation.INCREASE, "u1", "order-1", 2L));
        assertThat(records).allSatisfy(r -> assertThat(r.timestamp()).isBetween(
                stock.serverTimeMillis() - 60_000, stock.serverTimeMillis()));

        assertThat(stock.compareAndSetStock(item, 8, 5)).as("the stock is 9, not 8").isFalse();
        assertThat(stock.get(item)).hasValue(9);
        assertThat(stock.compareAndSetStock(item, 9, 5)).isTrue();
        assertThat(stock.get(item)).hasValue(5);
        assertThat(stock.records(item)).as("records untouched").hasSize(3);
        assertThat(stock.compareAndSetStock(newItem(), 0, 5)).as("no stock: nothing to compare").isFalse();
    }

    @Test
    void initDoesNotOverwriteALiveStockUnlessAsked() {
        String item = newItem();
        assertThat(stock.init(item, 10)).isTrue();
        assertThat(stock.init(item, 99)).isFalse();
        assertThat(stock.get(item)).hasValue(10);
        assertThat(stock.init(item, 7, true)).isTrue();
        assertThat(stock.get(item)).hasValue(7);
        assertThat(raw.get(PREFIX + "{" + item + "}")).isEqualTo("7");
    }

    @Test
    void deductWritesOneRecordWithTypeBeforeAfterDeltaIdentifierAndRedisTime() {
        String item = newItem();
        stock.init(item, 10);
        long redisNow = Long.parseLong(raw.time().get(0)) * 1000;
        StockResult result = stock.deduct(new StockCommand(item, "buyer-1", "order-1", 3));
        assertThat(result).isEqualTo(new StockResult(true, StockCode.SUCCESS, 10, 7, false, result.timestamp()));
        assertThat(result.timestamp()).isBetween(redisNow, redisNow + 60_000);
        Map<String, String> records = raw.hgetall(PREFIX + "{" + item + "}:records");
        assertThat(records).containsKeys("buyer-1|order-1|-3", "#D|order-1").hasSize(2);
        assertThat(records.get("buyer-1|order-1|-3")).isEqualTo("DEDUCT|10|7|-3|order-1|" + result.timestamp());
        assertThat(records.get("#D|order-1")).isEqualTo("buyer-1|order-1|-3");
        Optional<StockRecord> record = stock.record(item, "order-1");
        assertThat(record).contains(new StockRecord(StockOperation.DEDUCT, "buyer-1", "order-1", 10, 7, -3,
                result.timestamp()));
        assertThat(stock.record(item, "order-2")).isEmpty();
        assertThat(stock.record(item, "order-1", StockOperation.INCREASE)).isEmpty();
    }

    @Test
    void theSameIdentifierReplayedConcurrentlyDeductsOnceAndAnswersIdentically() throws Exception {
        String item = newItem();
        stock.init(item, 100);
        StockCommand command = new StockCommand(item, "buyer-7", "order-77", 2);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<StockResult>> replies = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                replies.add(pool.submit(() -> {
                    go.await();
                    return stock.deduct(command);
                }));
            }
            go.countDown();
            List<StockResult> results = new ArrayList<>();
            for (Future<StockResult> reply : replies) {
                results.add(reply.get(10, TimeUnit.SECONDS));
            }
            assertThat(results).allSatisfy(r -> {
                assertThat(r.success()).isTrue();
                assertThat(r.before()).isEqualTo(100);
                assertThat(r.after()).isEqualTo(98);
                assertThat(r.timestamp()).isEqualTo(results.get(0).timestamp());
            });
            assertThat(results).filteredOn(r -> !r.replay()).hasSize(1);
            assertThat(stock.get(item)).hasValue(98);
            assertThat(raw.hlen(PREFIX + "{" + item + "}:records")).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRetryAfterAnUnknownOutcomeGetsTheFirstResultEvenOnceTheItemIsFlaggedSoldOut() throws Exception {
        StockRedis slowRedis = new StockRedis(new LettuceConnector(RedisClient.create(DevServices.redis().uri()),
                Duration.ofMillis(200), Duration.ofSeconds(1), true), new StockKeys(PREFIX));
        StatefulRedisConnection<String, String> sleeper = rawClient.connect();
        try (StockService impatient = new StockService(slowRedis, Duration.ofMinutes(1), Duration.ofSeconds(30),
                Duration.ofSeconds(1), StockObserver.NONE)) {
            String item = newItem();
            stock.init(item, 1);
            // Subscribe to restocks and load the script while Redis is responsive.
            assertThat(impatient.deduct(new StockCommand(item, "warm", "warm-1", 2)).code()).isEqualTo(StockCode.NOT_ENOUGH);
            StockCommand command = new StockCommand(item, "b1", "lost-reply", 1);

            // Redis holds every client's commands for 1 s (CLIENT PAUSE is in force once its reply is
            // back): the script waits in Redis, the client gives up after 200 ms, then Redis runs it.
            assertThat(sleeper.sync().clientPause(1_000)).isEqualTo("OK");
            assertThatThrownBy(() -> impatient.deduct(command)).isInstanceOf(StockUnavailableException.class);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> stock.get(item).equals(OptionalLong.of(0)));
            // Another buyer's refusal flags the item on this instance.
            assertThat(impatient.deduct(new StockCommand(item, "b2", "late", 1)).code()).isEqualTo(StockCode.NOT_ENOUGH);
            assertThat(impatient.isFlaggedSoldOut(item)).isTrue();
            assertThat(impatient.deduct(new StockCommand(item, "b3", "later", 1)).code()).isEqualTo(StockCode.SOLD_OUT);

            StockResult retry = impatient.deduct(command);
            assertThat(retry.success()).isTrue();
            assertThat(retry.replay()).isTrue();
            assertThat(retry.before()).isEqualTo(1);
            assertThat(retry.after()).isZero();
            assertThat(impatient.record(command, StockOperation.DEDUCT)).get()
                    .extracting(StockRecord::timestamp).isEqualTo(retry.timestamp());
        } finally {
            sleeper.close();
            slowRedis.close();
        }
    }

    @Test
    void increaseAfterDeductRestoresExactlyAndAUsedIdentifierIsANoOp() {
        String item = newItem();
        stock.init(item, 10);
        stock.deduct(new StockCommand(item, "b1", "order-1", 4));
        StockResult refund = stock.increase(new StockCommand(item, "b1", "order-1", 4));
        assertThat(refund.success()).isTrue();
        assertThat(refund.replay()).isFalse();
        assertThat(refund.before()).isEqualTo(6);
        assertThat(refund.after()).isEqualTo(10);
        StockResult again = stock.increase(new StockCommand(item, "b1", "order-1", 4));
        assertThat(again.replay()).isTrue();
        assertThat(again.after()).isEqualTo(10);
        assertThat(stock.get(item)).hasValue(10);
        assertThat(stock.record(item, "order-1", StockOperation.INCREASE)).get()
                .extracting(StockRecord::delta, StockRecord::after).containsExactly(4L, 10L);
        StockResult rededuct = stock.deduct(new StockCommand(item, "b1", "order-1", 4));
        assertThat(rededuct.replay()).isTrue();
        assertThat(stock.get(item)).hasValue(10);
    }

    @Test
    void notEnoughAndMissingChangeNothingAndWriteNoRecord() {
        String item = newItem();
        stock.init(item, 2);
        StockResult notEnough = stock.deduct(new StockCommand(item, "b1", "o1", 3));
        assertThat(notEnough).isEqualTo(new StockResult(false, StockCode.NOT_ENOUGH, 2, 2, false, 0));
        assertThat(stock.get(item)).hasValue(2);
        assertThat(raw.exists(PREFIX + "{" + item + "}:records")).isZero();

        String missing = newItem();
        assertThat(stock.deduct(new StockCommand(missing, "b1", "o1", 1)).code()).isEqualTo(StockCode.STOCK_MISSING);
        assertThat(stock.increase(new StockCommand(missing, "b1", "o1", 1)).code()).isEqualTo(StockCode.STOCK_MISSING);
        assertThat(stock.get(missing)).isEmpty();
        assertThat(raw.exists(PREFIX + "{" + missing + "}", PREFIX + "{" + missing + "}:records")).isZero();
    }

    /**
     * Values Lua's {@code tonumber} would read but Redis's {@code DECRBY}/{@code INCRBY} refuse (hex,
     * exponent, blanks, fractions, leading zeros), negative values (the scripts never make one; a record of one
     * could not be replayed) and values over 14 characters (Lua 5.1 prints numbers with 14
     * significant digits, so a longer stock would be written into records as {@code 1e+15}; the
     * starter's own limit is 10^12) are reported as corrupt before any write, instead of failing the
     * script with an error of unknown outcome or writing a record its replay cannot parse.
     */
    @ParameterizedTest
    @ValueSource(strings = {"redis.call('FLUSHALL')", "0x10", "1e3", " 5", "5 ", "5.5", "+5", "", "--5",
        "-3", "-0", "007", "00", "0 ", "999999999999999", "99999999999999999999"})
    void aStockKeyHoldingNoIntegerIsReportedAndLeftAlone(String corrupt) {
        String item = newItem();
        raw.set(PREFIX + "{" + item + "}", corrupt);
        assertThat(stock.deduct(new StockCommand(item, "b1", "o1", 1)).code()).isEqualTo(StockCode.STOCK_CORRUPT);
        // More than any of them holds: the not-enough path, which must not call a corrupt value "not enough".
        assertThat(stock.deduct(new StockCommand(item, "b1", "o3", 1_000_000)).code())
                .isEqualTo(StockCode.STOCK_CORRUPT);
        assertThat(stock.increase(new StockCommand(item, "b1", "o2", 1)).code()).isEqualTo(StockCode.STOCK_CORRUPT);
        assertThat(raw.get(PREFIX + "{" + item + "}")).isEqualTo(corrupt);
        assertThat(raw.exists(PREFIX + "{" + item + "}:records")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "99999999999999"})
    void edgeIntegersAreStockNotCorruption(String value) {
        String item = newItem();
        raw.set(PREFIX + "{" + item + "}", value);
        long before = Long.parseLong(value);
        StockResult result = stock.deduct(new StockCommand(item, "b1", "o1", 1));
        assertThat(result.code()).isEqualTo(before >= 1 ? StockCode.SUCCESS : StockCode.NOT_ENOUGH);
        assertThat(raw.get(PREFIX + "{" + item + "}")).isEqualTo(Long.toString(before >= 1 ? before - 1 : before));
    }

    @Test
    void invalidateLetsStockAndRecordsExpireAfterTheRetentionAndInitRemovesTheExpiry() {
        String item = newItem();
        stock.init(item, 5);
        stock.deduct(new StockCommand(item, "b1", "o1", 1));
        assertThat(stock.invalidate(item)).isTrue();
        assertThat(raw.pttl(PREFIX + "{" + item + "}")).isBetween(1L, 30_000L);
        assertThat(raw.pttl(PREFIX + "{" + item + "}:records")).isBetween(1L, 30_000L);
        assertThat(stock.record(item, "o1")).isPresent();
        assertThat(stock.init(item, 9, true)).isTrue();
        assertThat(raw.pttl(PREFIX + "{" + item + "}")).isEqualTo(-1L);
        assertThat(raw.pttl(PREFIX + "{" + item + "}:records")).isEqualTo(-1L);
        assertThat(stock.invalidate(newItem())).isFalse();
    }

    @Test
    void aTamperedRecordIsReportedNotMisread() {
        String item = newItem();
        stock.init(item, 10);
        StockCommand command = new StockCommand(item, "b1", "o1", 2);
        StockResult first = stock.increase(command);
        assertThat(raw.hget(PREFIX + "{" + item + "}:records", "b1|o1|+2"))
                .isEqualTo("INCREASE|10|12|2|o1|" + first.timestamp());
        // Neither the script's replay path nor the Java reader guesses: both refuse a value out of shape.
        for (String tampered : List.of("", "{\"type\":\"INCREASE\"}", "INCREASE|10|12|2|o1", "INCREASE|x|12|2|o1|5")) {
            raw.hset(PREFIX + "{" + item + "}:records", "b1|o1|+2", tampered);
            assertThatThrownBy(() -> stock.record(command, StockOperation.INCREASE))
                    .isInstanceOf(StockUnavailableException.class);
            assertThatThrownBy(() -> stock.increase(command)).isInstanceOf(StockUnavailableException.class);
        }
        raw.hset(PREFIX + "{" + item + "}:records", "b1|o1|+2", "NOPE|1|2|3|o1|4");
        assertThatThrownBy(() -> stock.record(command, StockOperation.INCREASE))
                .isInstanceOf(StockUnavailableException.class).hasMessageNotContaining("NOPE");
        assertThat(stock.get(item)).hasValue(12);
    }

    @Test
    void trimDeletesOnlyRecordsOlderThanTheMaxAgeWithTheirIndex() {
        String item = newItem();
        stock.init(item, 100);
        stock.deduct(new StockCommand(item, "b1", "old-1", 1));
        stock.increase(new StockCommand(item, "b1", "old-1", 1));
        String records = PREFIX + "{" + item + "}:records";
        // Age the two records by rewriting their timestamps one hour back (the trim reads ts from the value).
        for (String field : List.of("b1|old-1|-1", "b1|old-1|+1")) {
            String value = raw.hget(records, field);
            int cut = value.lastIndexOf('|') + 1;
            long ts = Long.parseLong(value.substring(cut));
            raw.hset(records, field, value.substring(0, cut) + (ts - 3_600_000));
        }
        stock.deduct(new StockCommand(item, "b2", "new-1", 1));
        assertThat(stock.trimRecords(item, Duration.ofMinutes(30))).isEqualTo(2);
        assertThat(raw.hkeys(records)).containsExactlyInAnyOrder("b2|new-1|-1", "#D|new-1");
        assertThat(stock.record(item, "old-1")).isEmpty();
        assertThat(stock.record(item, "new-1")).isPresent();
        assertThat(stock.trimRecords(item, Duration.ofMinutes(30))).isZero();
        assertThat(stock.trimRecords(newItem(), Duration.ZERO)).isZero();
    }

    @Test
    void trimWalksAHashLargerThanOneScanPage() {
        String item = newItem();
        stock.init(item, 10_000);
        for (int i = 0; i < 600; i++) {
            stock.deduct(new StockCommand(item, "b", "o-" + i, 1));
        }
        assertThat(stock.trimRecords(item, Duration.ZERO)).isEqualTo(600);
        assertThat(raw.hlen(PREFIX + "{" + item + "}:records")).isZero();
    }

    @Test
    void aScriptFlushIsSurvived() {
        String item = newItem();
        stock.init(item, 3);
        raw.scriptFlush();
        assertThat(stock.deduct(new StockCommand(item, "b", "o", 1)).after()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, -3, Long.MIN_VALUE, StockIds.MAX_QUANTITY + 1, Long.MAX_VALUE})
    void quantitiesOutOfRangeAreRejected(long quantity) {
        assertThatThrownBy(() -> new StockCommand("item", "b", "o", quantity))
                .isInstanceOf(BizException.class)
                .extracting(e -> ((BizException) e).getErrorCode()).isEqualTo(CommonErrorCode.PARAM_INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a b", "{item}", "it{em", "it}em", "a\r\nb", "a\tb", "a|b", "#D", "a*", "a?b",
            "[x]", "redis.call('DEL','k')", "#{T(java.lang.Runtime).getRuntime()}", "\"quoted\"", "ünï",
            "0123456789012345678901234567890123456789012345678901234567890123x"})
    void malformedIdsAreRejectedInEveryPosition(String id) {
        assertThatThrownBy(() -> new StockCommand(id, "b", "o", 1)).isInstanceOf(BizException.class)
                .hasMessageContaining("itemId").message().doesNotContain(id.isBlank() ? "\u0000" : id);
        assertThatThrownBy(() -> new StockCommand("i", id, "o", 1)).isInstanceOf(BizException.class);
        assertThatThrownBy(() -> new StockCommand("i", "b", id, 1)).isInstanceOf(BizException.class);
        assertThatThrownBy(() -> stock.init(id, 1)).isInstanceOf(BizException.class);
        assertThatThrownBy(() -> stock.get(id)).isInstanceOf(BizException.class);
        assertThatThrownBy(() -> stock.record(id, "o")).isInstanceOf(BizException.class);
        assertThatThrownBy(() -> stock.record("i", id)).isInstanceOf(BizException.class);
        assertThatThrownBy(() -> stock.invalidate(id)).isInstanceOf(BizException.class);
    }

    @Test
    void nullsAreRejected() {
        assertThatThrownBy(() -> new StockCommand(null, "b", "o", 1)).isInstanceOf(BizException.class);
        assertThatThrownBy(() -> new StockCommand("i", null, "o", 1)).isInstanceOf(BizException.class);
        assertThatThrownBy(() -> new StockCommand("i", "b", null, 1)).isInstanceOf(BizException.class);
        assertThatThrownBy(() -> stock.deduct(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> stock.increase(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> stock.get(null)).isInstanceOf(BizException.class);
        assertThatThrownBy(() -> stock.record("i", "o", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> stock.retryDeduct(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> stock.record(null, StockOperation.DEDUCT)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> stock.record(new StockCommand("i", "b", "o", 1), null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> stock.trimRecords("i", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void initRejectsNegativeAndHugeStock() {
        assertThatThrownBy(() -> stock.init("i", -1)).isInstanceOf(BizException.class);
        assertThatThrownBy(() -> stock.init("i", StockIds.MAX_STOCK + 1)).isInstanceOf(BizException.class);
        String item = newItem();
        assertThat(stock.init(item, 0)).isTrue();
        assertThat(stock.deduct(new StockCommand(item, "b", "o", 1)).code()).isEqualTo(StockCode.NOT_ENOUGH);
    }

    @Test
    void idsAtTheEdgesOfTheCharsetWork() {
        String item = "A-z_0.9:@" + ITEMS.incrementAndGet();
        String longId = "x".repeat(StockIds.MAX_LENGTH);
        stock.init(item, 1);
        StockResult result = stock.deduct(new StockCommand(item, longId, longId, 1));
        assertThat(result.success()).isTrue();
        assertThat(stock.record(item, longId)).get().extracting(StockRecord::buyerId).isEqualTo(longId);
    }
}
