package io.tradekit.stock.redis;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.tradekit.core.redis.LettuceConnector;
import io.tradekit.devservices.redis.RedisClusterDevService;
import io.tradekit.stock.StockCode;
import io.tradekit.stock.StockCommand;
import io.tradekit.stock.StockObserver;
import io.tradekit.stock.StockResult;
import io.tradekit.stock.StockService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unchanged scripts on a real three-master Redis Cluster ({@link RedisClusterDevService}), through a
 * RedisClusterClient; and the hash-tag property itself.
 */
class StockScriptsOnClusterTests {

    private static RedisClusterDevService cluster;
    private static StockRedis stockRedis;
    private static StockService stock;

    @BeforeAll
    static void startCluster() {
        cluster = RedisClusterDevService.start();
        List<RedisURI> seeds = cluster.ports().stream().map(p -> RedisURI.create("127.0.0.1", p)).toList();
        LettuceConnector connector = new LettuceConnector(RedisClusterClient.create(seeds), Duration.ofSeconds(2),
                Duration.ofSeconds(1), true);
        stockRedis = new StockRedis(connector, new StockKeys("tradekit:stock:"));
        stock = new StockService(stockRedis, Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofSeconds(1),
                StockObserver.NONE);
    }

    @AfterAll
    static void stopCluster() {
        try {
            if (stock != null) {
                stock.close();
                stockRedis.close();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    @Test
    void bothKeysOfAnItemHashToOneSlot() {
        StockKeys keys = new StockKeys("tradekit:stock:");
        Set<Integer> slots = new HashSet<>();
        for (String item : List.of("sku-1", "sku-2", "a", "X.y:z@w-9", "9".repeat(64))) {
            assertThat(SlotHash.getSlot(keys.records(item))).isEqualTo(SlotHash.getSlot(keys.stock(item)))
                    .isEqualTo(SlotHash.getSlot(item));
            slots.add(SlotHash.getSlot(keys.stock(item)));
        }
        assertThat(slots).hasSizeGreaterThan(1);
    }

    @Test
    void theScriptsRunUnchangedOnAThreeMasterCluster() {
        Set<Integer> ownersOfItems = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            String item = "cluster-sku-" + i;
            ownersOfItems.add(SlotHash.getSlot(item) * 3 / SlotHash.SLOT_COUNT);
            assertThat(stock.init(item, 5, true)).isTrue();
            StockCommand command = new StockCommand(item, "buyer", "order-" + i, 2);
            StockResult first = stock.deduct(command);
            assertThat(first.after()).isEqualTo(3);
            StockResult replay = stock.deduct(command);
            assertThat(replay.replay()).isTrue();
            assertThat(replay.timestamp()).isEqualTo(first.timestamp());
            assertThat(stock.deduct(new StockCommand(item, "buyer", "order-big-" + i, 4)).code())
                    .isEqualTo(StockCode.NOT_ENOUGH);
            assertThat(stock.increase(new StockCommand(item, "buyer", "order-" + i, 2)).after()).isEqualTo(5);
            assertThat(stock.record(item, "order-" + i)).isPresent();
            assertThat(stock.get(item)).hasValue(5);
            assertThat(stock.invalidate(item)).isTrue();
            assertThat(stock.trimRecords(item, Duration.ZERO)).isEqualTo(2);
        }
        // Slots 0-16383 are split evenly over the three masters by redis-cli: the items span several.
        assertThat(ownersOfItems).hasSizeGreaterThan(1);
    }
}
