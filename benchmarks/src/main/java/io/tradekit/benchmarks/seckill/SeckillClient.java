package io.tradekit.benchmarks.seckill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The sample app's HTTP API as the benchmark needs it (the same calls as the sample's own
 * {@code TradingClient} test helper): JSON answers as trees, HTTP/1.1 keep-alive connections.
 */
final class SeckillClient {

    static final String ADMIN_PHONE = "13800000000";
    static final String PASSWORD = "s3cret-Passw0rd";
    /** The sample's bootstrap admin (dev default of sample.user.bootstrap-admin, see its README). */
    static final String ADMIN_PASSWORD = "Admin-Pass-2026";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    // HTTP/1.1 explicitly: the default HTTP/2 sends an h2c upgrade on every new connection.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newCachedThreadPool(r -> {
                Thread thread = new Thread(r, "seckill-http");
                thread.setDaemon(true);
                return thread;
            })).build();

    SeckillClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** An answer: HTTP status and JSON body ({@code success}, {@code code}, {@code data}). */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status == 200 && body.path("success").asBoolean();
        }

        String code() {
            return body.path("code").asText("HTTP_" + status);
        }

        JsonNode data() {
            return body.path("data");
        }
    }

    Answer get(String path, String session) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), session, null);
    }

    Answer post(String path, String session, String idempotencyKey, Object body) {
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), session, idempotencyKey);
    }

    /** Registers (ignoring "already registered") and logs in; returns the session token. */
    String registerAndLogin(String phone) {
        post("/user/register", null, null, Map.of("telephone", phone, "password", PASSWORD));
        return require(post("/user/login", null, null, Map.of("telephone", phone, "password", PASSWORD)), "login")
                .data().asText();
    }

    /** Logs the bootstrap admin in (created at start-up; registering a phone never grants ADMIN). */
    String loginAdmin() {
        return require(post("/user/login", null, null, Map.of("telephone", ADMIN_PHONE, "password", ADMIN_PASSWORD)),
                "admin login").data().asText();
    }

    /** A buyer able to buy: registered, logged in, real-name authenticated. */
    String newBuyer(String phone, String idCardNo) {
        String session = registerAndLogin(phone);
        require(post("/user/auth", session, null, Map.of("realName", "Li Lei", "idCardNo", idCardNo)), "auth");
        return session;
    }

    /** Creates and opens a collection on sale since a minute ago; returns its id. */
    long openCollection(String admin, String price, int stock) {
        Answer created = require(post("/admin/collections", admin, null, Map.of("name", "Bench Moon",
                "cover", "https://img.example/moon.png", "price", new java.math.BigDecimal(price),
                "quantity", stock, "saleTime", Instant.now().minusSeconds(60).toString(),
                "bookRequired", false)), "create collection");
        long id = created.data().asLong();
        require(post("/admin/collections/" + id + "/open", admin, null, Map.of()), "open collection");
        return id;
    }

    static Answer require(Answer answer, String what) {
        if (!answer.ok()) {
            throw new IllegalStateException(what + " failed: " + answer.status() + " " + answer.body());
        }
        return answer;
    }

    private Answer send(HttpRequest.Builder request, String session, String idempotencyKey) {
        if (session != null) {
            request.header("tradekit-token", session);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("raw", body);
        }
    }
}
