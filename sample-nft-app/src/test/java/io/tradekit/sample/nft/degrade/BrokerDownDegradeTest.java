package io.tradekit.sample.nft.degrade;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.tradekit.devservices.standalone.BootAppProcess;
import io.tradekit.devservices.standalone.SharedServersProcess;
import io.tradekit.sample.nft.order.TradingClient;
import io.tradekit.stock.redis.StockKeys;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The sample app (a child JVM of the Boot jar on the shared dev servers) while every RocketMQ broker is
 * down ({@code kill -9}), measured over HTTP: a buy needs the broker for its create message, so it answers
 * JSON 503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After}, and holds nothing (the Redis stock and the
 * order rows are as before: the half message is refused before the local transaction deducts anything);
 * the catalogue and token issue, which do not need the broker, keep answering; the log stays short; when
 * the brokers are back on their stores, buys are accepted again without a restart and become orders.
 * Prints the measurements for docs/faults.md ({@code MEASURE} lines). Runs after {@code package} (surefire
 * execution {@code multi-process}).
 */
@Tag("multi-process")
class BrokerDownDegradeTest {

    private static final int THREADS = 8;
    private static final int BUYS = 120;
    private static final int STOCK = 1_000;
    private static final BigDecimal PRICE = new BigDecimal("9.90");
    private static final Duration BOUND = Duration.ofSeconds(90);

    @Test
    void buysAnswer503AndHoldNothingWhileTheBrokersAreDownThenAreAcceptedAgain() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "degrade-broker"));
        try (SharedServersProcess servers = SharedServersProcess.start(dir.resolve("servers.properties"),
                     dir.resolve("servers.log"), List.of("nft-order-create", "nft-order-cancel"), Duration.ofMinutes(4));
             BootAppProcess app = BootAppProcess.start("all", BootAppProcess.locateJar(Path.of("target"), "sample-nft-app"),
                     dir.resolve("app.log"), "448m", List.of(servers.importArgument(),
                             "--sample.user.password-iterations=10000",
                             "--sample.throttle.login.per-address.limit=1000000",
                             "--dubbo.protocol.port=" + BootAppProcess.freePort()), Duration.ofSeconds(300))) {
            TradingClient client = new TradingClient(app.httpPort());
            String admin = client.admin();
            long collection = client.openCollection(admin, PRICE, STOCK, false, Instant.now().minusSeconds(60));
            List<String> buyers = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                buyers.add(client.newBuyer());
            }
            // One buy while the brokers are up: the flow works before the outage.
            String firstOrder = accepted(client.buy(buyers.get(0), client.token(buyers.get(0), "buy"), collection, 1, PRICE));
            client.awaitOrder(buyers.get(0), firstOrder, order -> "CREATED".equals(order.path("state").asText()));
            String stockBefore = redisStock(servers, collection);
            long ordersBefore = orderRows(servers, collection);
            assertThat(stockBefore).isEqualTo(Integer.toString(STOCK - 1));
            assertThat(ordersBefore).isEqualTo(1);
            long logBefore = Files.size(app.log());

            long killedAt = System.nanoTime();
            for (String broker : servers.brokerNames()) {
                servers.killBroker(broker);
            }

            // A bounded load: token (Redis only) + buy (needs the broker), from 8 buyers.
            Map<String, Integer> answers = new ConcurrentHashMap<>();
            List<Long> buyNanos = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < BUYS; i++) {
                    String buyer = buyers.get(i % THREADS);
                    done.add(pool.submit(() -> {
                        String token = client.token(buyer, "buy");
                        long start = System.nanoTime();
                        TradingClient.Answer answer = client.buy(buyer, token, collection, 1, PRICE);
                        buyNanos.add(System.nanoTime() - start);
                        answers.merge(answer.status() + " " + answer.code(), 1, Integer::sum);
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(answers).as("every buy refused as a JSON 503: %s", answers)
                    .containsOnlyKeys("503 SERVICE_UNAVAILABLE");
            // Retry-After on the refusal, and what does not need the broker keeps working.
            String buyer = buyers.get(0);
            TradingClient.Answer refused = client.buy(buyer, client.token(buyer, "buy"), collection, 1, PRICE);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(retryAfter(app.httpPort(), buyer, client.token(buyer, "buy"), collection)).isNotBlank();
            assertThat(client.get("/collections/" + collection, null).status()).isEqualTo(200);
            // Nothing held: no unit left Redis, no order row was written.
            assertThat(redisStock(servers, collection)).isEqualTo(stockBefore);
            assertThat(orderRows(servers, collection)).isEqualTo(ordersBefore);
            List<String> noisy = linesSince(app.log(), logBefore).stream()
                    .filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")).toList();
            assertThat(noisy).as("WARN/ERROR lines for %d buys", BUYS).hasSizeLessThan(BUYS / 4);
            assertThat(noisy).as("the breaker says it opened")
                    .anyMatch(line -> line.contains("Breaker of server 'rocketmq'"));

            long restartedAt = System.nanoTime();
            for (String broker : servers.brokerNames()) {
                servers.restartBroker(broker, Duration.ofMinutes(2));
            }
            long brokersBackAt = System.nanoTime();
            // Buys are accepted again once the breaker lets a probe through; refusals meanwhile stay 503.
            String order = null;
            long deadline = System.nanoTime() + BOUND.toNanos();
            while (order == null) {
                TradingClient.Answer answer = client.buy(buyer, client.token(buyer, "buy"), collection, 1, PRICE);
                if (answer.ok()) {
                    order = accepted(answer);
                } else {
                    assertThat(answer.status() + " " + answer.code()).as("while recovering")
                            .isEqualTo("503 SERVICE_UNAVAILABLE");
                    if (System.nanoTime() - deadline > 0) {
                        throw new AssertionError("no accepted buy within the bound of this wait (" + BOUND
                                + " after the brokers were back)");
                    }
                    Thread.sleep(200);
                }
            }
            long acceptedAt = System.nanoTime();
            client.awaitOrder(buyer, order, o -> "CREATED".equals(o.path("state").asText()));
            assertThat(orderRows(servers, collection)).isEqualTo(ordersBefore + 1);
            assertThat(redisStock(servers, collection)).isEqualTo(Integer.toString(STOCK - 2));
            assertThat(app.isAlive()).isTrue();

            List<Long> sorted = new ArrayList<>(buyNanos);
            Collections.sort(sorted);
            System.out.printf("MEASURE sample broker-down: %d buys from %d threads, answers %s; buy latency p50 %.1f ms,"
                            + " p99 %.1f ms, max %.1f ms; Redis stock and order rows unchanged; WARN/ERROR lines %d;"
                            + " brokers restarted in %d ms; first accepted buy %d ms after they were back"
                            + " (%d ms after the kill)%n",
                    BUYS, THREADS, answers, sorted.get(sorted.size() / 2) / 1e6,
                    sorted.get((int) (sorted.size() * 0.99)) / 1e6, sorted.get(sorted.size() - 1) / 1e6, noisy.size(),
                    (brokersBackAt - restartedAt) / 1_000_000, (acceptedAt - brokersBackAt) / 1_000_000,
                    (acceptedAt - killedAt) / 1_000_000);
            noisy.stream().limit(20).forEach(line -> System.out.println("MEASURE log: " + line));
        }
    }

    private static String accepted(TradingClient.Answer answer) {
        assertThat(answer.ok()).as("buy answered %s %s", answer.status(), answer.body()).isTrue();
        assertThat(answer.data().path("status").asText()).isEqualTo("ACCEPTED");
        return answer.data().path("orderId").asText();
    }

    /** The Retry-After header of a refused buy (TradingClient keeps only status and body). */
    private static String retryAfter(int port, String session, String token, long collection) throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/trade/buy"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("tradekit-token", session)
                .header("Idempotency-Key", token)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"collectionId\":" + collection + ",\"quantity\":1,\"price\":" + PRICE + "}"))
                .build();
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(503);
        return response.headers().firstValue("Retry-After").orElse("");
    }

    private static String redisStock(SharedServersProcess servers, long collection) {
        RedisClient redis = RedisClient.create(servers.redisUri());
        try (StatefulRedisConnection<String, String> connection = redis.connect()) {
            return connection.sync().get(new StockKeys("tradekit:stock:").stock("nft:" + collection));
        } finally {
            redis.shutdown();
        }
    }

    private static long orderRows(SharedServersProcess servers, long collection) throws Exception {
        try (Connection db = DriverManager.getConnection(servers.jdbcUrl(), "sa", "");
             PreparedStatement count = db.prepareStatement("SELECT COUNT(*) FROM nft_order WHERE collection_id = ?")) {
            count.setLong(1, collection);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static List<String> linesSince(Path log, long offset) throws IOException {
        byte[] all = Files.readAllBytes(log);
        int from = (int) Math.min(offset, all.length);
        return new String(all, from, all.length - from, StandardCharsets.UTF_8).lines().toList();
    }
}
