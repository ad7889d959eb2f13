package io.tradekit.sample.nft.degrade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.devservices.fault.RedisOnSamePort;
import io.tradekit.devservices.redis.RedisDevService;
import io.tradekit.devservices.redis.RedisSettings;
import io.tradekit.devservices.standalone.BootAppProcess;
import io.tradekit.devservices.standalone.SharedServersProcess;
import io.tradekit.sample.nft.order.TradingClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * The sample app (a child JVM of the Boot jar on the shared dev servers) while its Redis is down: the
 * requests that need Redis — a logged-in page, a login, a token, a buy — answer JSON 503
 * {@code SERVICE_UNAVAILABLE} with {@code Retry-After}, never a 500 or an HTML page; the public catalogue
 * keeps answering; health turns DOWN; the log carries a bounded number of WARN/ERROR lines; and when
 * Redis is back on the same port the app works again without a restart. Prints the measurements for
 * docs/faults.md ({@code MEASURE} lines). Runs after {@code package} (surefire execution {@code multi-process}).
 */
@Tag("multi-process")
class RedisDownDegradeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int THREADS = 16;
    private static final int REQUESTS = 320;
    private static final Duration BOUND = Duration.ofSeconds(60);

    @Test
    void requestsNeedingRedisAnswer503WhileItIsDownAndTheAppRecoversWhenItIsBack() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "degrade-redis"));
        int redisPort = BootAppProcess.freePort();
        RedisSettings settings = new RedisSettings(redisPort, null, Duration.ofSeconds(10));
        RedisDevService redis = RedisDevService.start(settings);
        try (RedisOnSamePort.Binary binary = RedisOnSamePort.keep(redis.executable());
             SharedServersProcess servers = SharedServersProcess.start(dir.resolve("servers.properties"),
                     dir.resolve("servers.log"), List.of("nft-order-create", "nft-order-cancel"), Duration.ofMinutes(4));
             BootAppProcess app = BootAppProcess.start("all", BootAppProcess.locateJar(Path.of("target"), "sample-nft-app"),
                     dir.resolve("app.log"), "448m", List.of(servers.importArgument(),
                             // This test's own Redis (it kills it), not the shared one.
                             "--spring.data.redis.url=" + redis.uri(), "--spring.data.redis.host=127.0.0.1",
                             "--spring.data.redis.port=" + redisPort,
                             "--sample.user.password-iterations=10000",
                             "--sample.throttle.login.per-address.limit=1000000",
                             "--dubbo.protocol.port=" + BootAppProcess.freePort()), Duration.ofSeconds(300))) {
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

            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("MEASURE sample redis-down: %d requests from %d threads, all 503 + Retry-After;"
                            + " latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; last answer %d ms after the kill;"
                            + " health DOWN %d ms after the kill; WARN/ERROR lines %d (breaker %d);"
                            + " login works again %d ms after the restart%n",
                    REQUESTS, THREADS, sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6,
                    sorted.get(sorted.size() - 1) / 1e6,
                    (Collections.max(answeredAt) - killedAt) / 1_000_000, (healthDownAt - killedAt) / 1_000_000,
                    noisy.size(), breakerLines.size(), (recoveredAt - restartedAt) / 1_000_000);
            noisy.stream().limit(40).forEach(line -> System.out.println("MEASURE log: " + line));
        } finally {
            redis.close();
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
