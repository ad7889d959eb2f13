package io.tradekit.stock.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.tradekit.core.redis.LettuceConnector;
import io.tradekit.devservices.DevServices;
import io.tradekit.devservices.support.FreePorts;
import io.tradekit.stock.StockCode;
import io.tradekit.stock.StockCommand;
import io.tradekit.stock.StockObserver;
import io.tradekit.stock.StockResult;
import io.tradekit.stock.StockService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The unchanged scripts on a real three-master Redis Cluster (three redis-server processes on
 * loopback, started here with the dev-services binary and joined by redis-cli), through a
 * RedisClusterClient; and the hash-tag property itself.
 */
class StockScriptsOnClusterTests {

    private static final Path REDIS_CLI = Path.of("/usr/bin/redis-cli");
    private static final List<Process> NODES = new ArrayList<>();
    private static final List<Integer> PORTS = new ArrayList<>();
    private static Path workDir;
    private static StockRedis stockRedis;
    private static StockService stock;

    @BeforeAll
    static void startCluster() throws Exception {
        if (!Files.isExecutable(REDIS_CLI)) {
            return;
        }
        Path server = DevServices.redis().executable();
        workDir = Files.createTempDirectory("tradekit-stock-cluster");
        for (int i = 0; i < 3; i++) {
            int port = FreePorts.nextWithCompanion(10_000) - 10_000;
            Path dir = Files.createDirectories(workDir.resolve("n" + port));
            NODES.add(new ProcessBuilder(server.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--cluster-enabled", "yes", "--cluster-config-file", dir.resolve("nodes.conf").toString(),
                    "--dir", dir.toString(), "--save", "", "--appendonly", "no", "--protected-mode", "yes")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile()).start());
            PORTS.add(port);
        }
        for (int port : PORTS) {
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> ping(port));
        }
        List<String> create = new ArrayList<>(List.of(REDIS_CLI.toString(), "--cluster", "create"));
        PORTS.forEach(p -> create.add("127.0.0.1:" + p));
        create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        Process cli = new ProcessBuilder(create).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("create.log").toFile()).start();
        assertThat(cli.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(cli.exitValue()).as(Files.readString(workDir.resolve("create.log"))).isZero();
        for (int port : PORTS) {
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> clusterOk(port));
        }
        List<RedisURI> seeds = PORTS.stream().map(p -> RedisURI.create("127.0.0.1", p)).toList();
        LettuceConnector connector = new LettuceConnector(RedisClusterClient.create(seeds), Duration.ofSeconds(2),
                Duration.ofSeconds(1), true);
        stockRedis = new StockRedis(connector, new StockKeys("tradekit:stock:"));
        stock = new StockService(stockRedis, Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofSeconds(1),
                StockObserver.NONE);
    }

    @AfterAll
    static void stopCluster() throws IOException {
        if (stock != null) {
            stock.close();
            stockRedis.close();
        }
        for (Process node : NODES) {
            node.destroy();
        }
        for (Process node : NODES) {
            try {
                if (!node.waitFor(5, TimeUnit.SECONDS)) {
                    node.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (workDir != null) {
            try (var files = Files.walk(workDir)) {
                files.sorted((x, y) -> y.compareTo(x)).forEach(p -> p.toFile().delete());
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
        Assumptions.assumeTrue(stock != null, "redis-cli is not installed: no cluster could be created");
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

    private static boolean ping(int port) {
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", port));
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            return "PONG".equals(c.sync().ping());
        } finally {
            client.shutdown();
        }
    }

    private static boolean clusterOk(int port) {
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", port));
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            return c.sync().clusterInfo().contains("cluster_state:ok");
        } finally {
            client.shutdown();
        }
    }
}
