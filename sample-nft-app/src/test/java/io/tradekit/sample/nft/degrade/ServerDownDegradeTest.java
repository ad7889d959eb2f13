package io.tradekit.sample.nft.degrade;

import static io.tradekit.devservices.fault.Latencies.percentileMs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.tradekit.devservices.fault.RedisOnSamePort;
import io.tradekit.devservices.redis.RedisDevService;
import io.tradekit.devservices.redis.RedisSettings;
import io.tradekit.devservices.standalone.BootAppProcess;
import io.tradekit.devservices.standalone.SharedServersProcess;
import io.tradekit.sample.nft.order.TradingClient;
import io.tradekit.stock.redis.StockKeys;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The sample app (a child JVM of the Boot jar on the shared dev servers, with a Redis of this test's own
 * that it can kill) while a server it needs is down, measured over HTTP. One app for both cases: each
 * costs a minute of start-up otherwise.
 * <ol>
 *   <li><b>every RocketMQ broker killed</b> ({@code kill -9}): a buy needs the broker for its create
 *       message, so it answers JSON 503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After} and holds
 *       nothing (the Redis stock and the order rows are as before: the half message is refused before the
 *       local transaction deducts anything); the catalogue and token issue keep answering; the log stays
 *       short; when the brokers are back on their stores buys are accepted again and become orders;</li>
 *   <li><b>Redis killed</b>: the requests that need Redis — a logged-in page, a login, a token, a buy —
 *       answer JSON 503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After}, never a 500 or an HTML page;
 *       the public catalogue keeps answering; health turns DOWN; the log carries a bounded number of
 *       WARN/ERROR lines; and when Redis is back on the same port the app works again without a restart.</li>
 * </ol>
 * The broker case runs first: Redis comes back empty from the second (a new run id fences the stock until
 * the restart repair), which the first does not need to wait for. Prints the measurements for
 * docs/faults.md ({@code MEASURE} lines). Runs after {@code package} (surefire execution {@code multi-process}).
 */
@Tag("multi-process")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerDownDegradeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int THREADS = 16;
    private static final int REQUESTS = 320;
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final int BUY_THREADS = 8;
    private static final int BUYS = 120;
    private static final int STOCK = 1_000;
    private static final BigDecimal PRICE = new BigDecimal("9.90");
    private static final Duration BROKER_BOUND = Duration.ofSeconds(90);

    private int redisPort;
    private RedisDevService redis;
    private RedisOnSamePort.Binary binary;
    private SharedServersProcess servers;
    private BootAppProcess app;

    @BeforeAll
    void startTheAppOnItsOwnRedisAndTheSharedServers() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "degrade"));
        redisPort = BootAppProcess.freePort();
        redis = RedisDevService.start(new RedisSettings(redisPort, null, Duration.ofSeconds(10)));
        binary = RedisOnSamePort.keep(redis.executable());
        servers = SharedServersProcess.start(dir.resolve("servers.properties"), dir.resolve("servers.log"),
                List.of("nft-order-create", "nft-order-cancel"), Duration.ofMinutes(4));
        app = BootAppProcess.start("all", BootAppProcess.locateJar(Path.of("target"), "sample-nft-app"),
                dir.resolve("app.log"), "448m", List.of(servers.importArgument(),
                        // This test's own Redis (it kills it), not the shared one.
                        "--spring.data.redis.url=" + redis.uri(), "--spring.data.redis.host=127.0.0.1",
                        "--spring.data.redis.port=" + redisPort,
                        "--sample.user.password-iterations=10000",
                        "--sample.throttle.login.per-address.limit=1000000",
                        "--dubbo.protocol.port=" + BootAppProcess.freePort()), Duration.ofSeconds(300));
    }

    @AfterAll
    void stopEverything() throws Exception {
        // Undoes the start in reverse; try-with-resources closes each one even when another fails, and
        // skips what never started (null).
        RedisDevService ownRedis = redis;
        AutoCloseable redisKiller = ownRedis == null ? null : ownRedis::close;
        try (AutoCloseable r = redisKiller; AutoCloseable b = binary; AutoCloseable s = servers; AutoCloseable a = app) {
            // closed in reverse order of the declarations: app, servers, the kept binary, Redis
        }
    }

    @Test
    @Order(1)
    void buysAnswer503AndHoldNothingWhileTheBrokersAreDownThenAreAcceptedAgain() throws Exception {
        TradingClient client = new TradingClient(app.httpPort());
        String admin = client.admin();
        long collection = client.openCollection(admin, PRICE, STOCK, false, Instant.now().minusSeconds(60));
        List<String> buyers = new ArrayList<>();
        for (int i = 0; i < BUY_THREADS; i++) {
            buyers.add(client.newBuyer());
        }
        // One buy while the brokers are up: the flow works before the outage.
        String firstOrder = accepted(client.buy(buyers.get(0), client.token(buyers.get(0), "buy"), collection, 1, PRICE));
        client.awaitOrder(buyers.get(0), firstOrder, order -> "CREATED".equals(order.path("state").asText()));
        String stockBefore = redisStock(collection);
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
        ExecutorService pool = Executors.newFixedThreadPool(BUY_THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < BUYS; i++) {
                String buyer = buyers.get(i % BUY_THREADS);
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
        assertThat(redisStock(collection)).isEqualTo(stockBefore);
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
        long deadline = System.nanoTime() + BROKER_BOUND.toNanos();
        while (order == null) {
            TradingClient.Answer answer = client.buy(buyer, client.token(buyer, "buy"), collection, 1, PRICE);
            if (answer.ok()) {
                order = accepted(answer);
            } else {
                assertThat(answer.status() + " " + answer.code()).as("while recovering")
                        .isEqualTo("503 SERVICE_UNAVAILABLE");
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("no accepted buy within the bound of this wait (" + BROKER_BOUND
                            + " after the brokers were back)");
                }
                Thread.sleep(200);
            }
        }
        long acceptedAt = System.nanoTime();
        client.awaitOrder(buyer, order, o -> "CREATED".equals(o.path("state").asText()));
        assertThat(orderRows(servers, collection)).isEqualTo(ordersBefore + 1);
        assertThat(redisStock(collection)).isEqualTo(Integer.toString(STOCK - 2));
        assertThat(app.isAlive()).isTrue();

        System.out.printf("MEASURE sample broker-down: %d buys from %d threads, answers %s; buy latency p50 %.1f ms,"
                        + " p99 %.1f ms, max %.1f ms; Redis stock and order rows unchanged; WARN/ERROR lines %d;"
                        + " brokers restarted in %d ms; first accepted buy %d ms after they were back"
                        + " (%d ms after the kill)%n",
                BUYS, BUY_THREADS, answers, percentileMs(buyNanos, 50), percentileMs(buyNanos, 99),
                percentileMs(buyNanos, 100), noisy.size(),
                (brokersBackAt - restartedAt) / 1_000_000, (acceptedAt - brokersBackAt) / 1_000_000,
                (acceptedAt - killedAt) / 1_000_000);
        noisy.stream().limit(20).forEach(line -> System.out.println("MEASURE log: " + line));
    }

    @Test
    @Order(2)
    void requestsNeedingRedisAnswer503WhileItIsDownAndTheAppRecoversWhenItIsBack() throws Exception {
        String base = "http://127.0.0.1:" + app.httpPort();
        TradingClient client = new TradingClient(app.httpPort());
        String phone = TradingClient.uniquePhone();
        client.register(phone);
        String session = client.login(phone);
        assertThat(send(base, "GET", "/user/me", session, null, null).status()).isEqualTo(200);
        assertThat(send(base, "GET", "/collections", null, null, null).status()).isEqualTo(200);
        assertThat(send(base, "GET", "/idempotent/token?scene=buy", session, null, null).status()).isEqualTo(200);
        long logBefore = Files.size(app.log());

        long killedAt = System.nanoTime();
        redis.close();
        // When health turns DOWN, polled beside the load (measured, not asserted on the clock).
        java.util.concurrent.CompletableFuture<Long> healthDown = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            long deadline = System.nanoTime() + BOUND.toNanos();
            while (System.nanoTime() < deadline) {
                if (send(base, "GET", "/actuator/health", null, null, null).status() == 503) {
                    return System.nanoTime();
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1L;
                }
            }
            return -1L;
        });

        // A bounded load from 16 threads: a logged-in page, a login, a token, a buy, in turn.
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Long> answeredAt = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            int kind = i % 4;
            done.add(pool.submit(() -> {
                Reply reply = switch (kind) {
                    case 0 -> send(base, "GET", "/user/me", session, null, null);
                    case 1 -> send(base, "POST", "/user/login", null, null,
                            "{\"telephone\":\"" + phone + "\",\"password\":\"" + TradingClient.PASSWORD + "\"}");
                    case 2 -> send(base, "GET", "/idempotent/token?scene=buy", session, null, null);
                    default -> send(base, "POST", "/trade/buy", session, "123e4567-e89b-12d3-a456-426614174000",
                            "{\"collectionId\":1,\"quantity\":1,\"price\":1.00}");
                };
                latencies.add(reply.nanos());
                answeredAt.add(System.nanoTime());
                answers.merge(reply.summary(), 1, Integer::sum);
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertThat(answers).as("every answer is a JSON 503 with Retry-After: %s", answers)
                .containsOnlyKeys("503 SERVICE_UNAVAILABLE retry-after");
        assertThat(answers.get("503 SERVICE_UNAVAILABLE retry-after")).isEqualTo(REQUESTS);

        // What does not need Redis keeps working.
        assertThat(send(base, "GET", "/collections", null, null, null).status()).isEqualTo(200);
        Reply health = send(base, "GET", "/actuator/health", null, null, null);
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.body().path("status").asText()).isEqualTo("DOWN");
        long healthDownAt = healthDown.get();
        assertThat(healthDownAt).as("health turned DOWN within %s", BOUND).isPositive();

        List<String> noisy = linesSince(app.log(), logBefore).stream()
                .filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")).toList();
        List<String> breakerLines = noisy.stream().filter(line -> line.contains("Breaker of server 'redis'")).toList();
        assertThat(breakerLines).as("the breaker says it opened").isNotEmpty();
        assertThat(noisy).as("WARN/ERROR lines for %d requests", REQUESTS).hasSizeLessThan(REQUESTS / 4);

        long restartedAt;
        long recoveredAt;
        try (RedisOnSamePort back = RedisOnSamePort.start(binary.path(), redisPort, Duration.ofSeconds(10))) {
            restartedAt = System.nanoTime();
            // The restarted Redis is empty: sessions are gone, a new login works once the breaker closes.
            String again = null;
            long deadline = System.nanoTime() + BOUND.toNanos();
            while (again == null) {
                Reply login = send(base, "POST", "/user/login", null, null,
                        "{\"telephone\":\"" + phone + "\",\"password\":\"" + TradingClient.PASSWORD + "\"}");
                if (login.status() == 200) {
                    again = login.body().path("data").asText();
                } else {
                    assertThat(login.summary()).as("while recovering").isEqualTo("503 SERVICE_UNAVAILABLE retry-after");
                    if (System.nanoTime() - deadline > 0) {
                        throw new AssertionError("no login within the bound of this wait (" + BOUND + " after the restart)");
                    }
                    Thread.sleep(200);
                }
            }
            recoveredAt = System.nanoTime();
            // The breaker closes after its half-open probes succeed: a request right after the first
            // successful login may still be refused (503 + Retry-After), never answered otherwise.
            for (String path : List.of("/user/me", "/idempotent/token?scene=buy")) {
                int status = send(base, "GET", path, again, null, null).status();
                while (status == 503 && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                    status = send(base, "GET", path, again, null, null).status();
                }
                assertThat(status).as("%s after the recovery", path).isEqualTo(200);
            }
            assertThat(app.isAlive()).isTrue();
        }

        System.out.printf("MEASURE sample redis-down: %d requests from %d threads, all 503 + Retry-After;"
                        + " latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; last answer %d ms after the kill;"
                        + " health DOWN %d ms after the kill; WARN/ERROR lines %d (breaker %d);"
                        + " login works again %d ms after the restart%n",
                REQUESTS, THREADS, percentileMs(latencies, 50), percentileMs(latencies, 99), percentileMs(latencies, 100),
                (Collections.max(answeredAt) - killedAt) / 1_000_000, (healthDownAt - killedAt) / 1_000_000,
                noisy.size(), breakerLines.size(), (recoveredAt - restartedAt) / 1_000_000);
        noisy.stream().limit(40).forEach(line -> System.out.println("MEASURE log: " + line));
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

    private String redisStock(long collection) {
        RedisClient client = RedisClient.create(this.redis.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().get(new StockKeys("tradekit:stock:").stock("nft:" + collection));
        } finally {
            client.shutdown();
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
        String text = new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                java.nio.charset.StandardCharsets.UTF_8);
        return text.lines().toList();
    }

    private record Reply(int status, JsonNode body, String retryAfter, String contentType, long nanos) {
        String summary() {
            boolean json = contentType != null && contentType.startsWith("application/json");
            return status + " " + (json ? body.path("code").asText() : "not-json:" + contentType)
                    + (retryAfter != null ? " retry-after" : "");
        }
    }

    private static Reply send(String base, String method, String path, String session, String idempotencyKey,
                              String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (session != null) {
            request.header("tradekit-token", session);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - start;
            JsonNode json;
            try {
                json = JSON.readTree(response.body());
            } catch (IOException notJson) {
                json = JSON.createObjectNode();
            }
            return new Reply(response.statusCode(), json, response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(null), nanos);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
