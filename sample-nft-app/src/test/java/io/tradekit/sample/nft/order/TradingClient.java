package io.tradekit.sample.nft.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.sample.nft.shared.validation.ResidentIdNumber;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** A buyer's or admin's HTTP calls against one running instance, with the JSON answers as trees. */
public final class TradingClient {

    /** The bootstrap admin of application.yml ({@code sample.user.bootstrap-admin}, dev default). */
    public static final String ADMIN_PHONE = "13800000000";
    /** The dev default admin's password (application.yml holds only its hash). */
    public static final String ADMIN_PASSWORD = "Admin-Pass-2026";
    public static final String PASSWORD = "s3cret-Passw0rd";

    private static final AtomicLong PHONES = new AtomicLong(ThreadLocalRandom.current().nextLong(100_000_000L, 800_000_000L));
    private static final AtomicLong ID_CARDS = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000L));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    public TradingClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** An HTTP answer: status and JSON body. */
    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status == 200 && body.path("success").asBoolean();
        }

        public String code() {
            return body.path("code").asText();
        }

        public JsonNode data() {
            return body.path("data");
        }
    }

    /** A phone number no other test of this JVM uses. */
    public static String uniquePhone() {
        return "13" + PHONES.incrementAndGet();
    }

    /**
     * A valid GB 11643 number no other call of this JVM returns (one identity binds one account): birth
     * dates from 1960-01-01 on, 1,000 sequences each.
     */
    public static String validIdCard() {
        long n = ID_CARDS.getAndIncrement();
        java.time.LocalDate birth = java.time.LocalDate.of(1960, 1, 1).plusDays(n / 1000 % 15_000);
        String first17 = "110101" + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", n % 1000);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    public Answer get(String path, String session) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), session, null);
    }

    public Answer post(String path, String session, Object body) {
        return post(path, session, null, body);
    }

    public Answer post(String path, String session, String idempotencyKey, Object body) {
        String json;
        try {
            json = body instanceof String raw ? raw : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(request, session, idempotencyKey);
    }

    /** Registers a user and returns the id. */
    public long register(String phone) {
        Answer answer = post("/user/register", null, Map.of("telephone", phone, "password", PASSWORD));
        require(answer, "register");
        return answer.data().asLong();
    }

    /** Logs in and returns the session token. */
    public String login(String phone) {
        Answer answer = post("/user/login", null, Map.of("telephone", phone, "password", PASSWORD));
        require(answer, "login");
        return answer.data().asText();
    }

    /** Registers, logs in and authenticates a buyer; returns the session token. */
    public String newBuyer() {
        String phone = uniquePhone();
        register(phone);
        String session = login(phone);
        require(post("/user/auth", session, Map.of("realName", "Li Lei", "idCardNo", validIdCard())), "auth");
        return session;
    }

    /** The bootstrap admin's session (the account exists from start-up; registering never makes an admin). */
    public String admin() {
        Answer login = post("/user/login", null, Map.of("telephone", ADMIN_PHONE, "password", ADMIN_PASSWORD));
        require(login, "admin login");
        return login.data().asText();
    }

    /** Creates and opens a collection on sale since a minute ago; returns its id. */
    public long openCollection(String admin, BigDecimal price, int quantity, boolean bookRequired, Instant saleTime) {
        Answer created = post("/admin/collections", admin, Map.of("name", "Moon #" + uniquePhone(),
                "cover", "https://img.example/moon.png", "price", price, "quantity", quantity,
                "saleTime", saleTime.toString(), "bookRequired", bookRequired));
        require(created, "create collection");
        long id = created.data().asLong();
        require(post("/admin/collections/" + id + "/open", admin, Map.of()), "open collection");
        return id;
    }

    /** A fresh anti-duplicate token of a scene, bound to the session. */
    public String token(String session, String scene) {
        Answer answer = get("/idempotent/token?scene=" + scene, session);
        require(answer, "token");
        return answer.data().asText();
    }

    public Answer buy(String session, String token, long collectionId, int quantity, BigDecimal price) {
        return post("/trade/buy", session, token, Map.of("collectionId", collectionId, "quantity", quantity,
                "price", price));
    }

    /** Polls the order until {@code until} holds (deadline 30 s); returns the last answer's data. */
    public JsonNode awaitOrder(String session, String orderId, Predicate<JsonNode> until) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Answer last = null;
        while (System.nanoTime() < deadline) {
            last = get("/trade/orders/" + orderId, session);
            if (last.ok() && until.test(last.data())) {
                return last.data();
            }
            pause();
        }
        throw new AssertionError("order " + orderId + " never reached the state; last answer " + last);
    }

    static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void require(Answer answer, String what) {
        if (!answer.ok()) {
            throw new AssertionError(what + " failed: " + answer.status() + " " + answer.body());
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

    private static Answer send(HttpRequest.Builder request, String session, String idempotencyKey) {
        if (session != null) {
            request.header("tradekit-token", session);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Answer(response.statusCode(), parse(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
