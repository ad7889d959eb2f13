package io.tradekit.sample.nft.shared.web.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.chain.application.NftDTO;
import io.tradekit.sample.nft.order.TradingClient;
import io.tradekit.sample.nft.order.application.BuyCommand;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Numbers are numbers and booleans booleans in every request body; refusals are 400 naming the field. */
@SampleAppTest
class StrictJsonTest {

    private static final String VALID = "\"name\":\"Strict\",\"cover\":\"https://img.example/s.png\","
            + "\"saleTime\":\"2026-01-01T00:00:00Z\"";

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper mapper;

    @Autowired
    JdbcTemplate jdbc;

    TradingClient client;
    String admin;

    @BeforeEach
    void admin() {
        client = new TradingClient(port);
        admin = client.admin();
    }

    @Test
    void refusesAFractionForAnIntegerInsteadOfTruncatingIt() {
        int before = collections();
        TradingClient.Answer answer = create("\"price\":9.90,\"quantity\":1.5,\"bookRequired\":false");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("PARAM_INVALID");
        assertThat(answer.body().path("message").asText()).isEqualTo("quantity has the wrong type: expected an integer number");
        assertThat(create("\"price\":9.90,\"quantity\":1.0,\"bookRequired\":false").status()).isEqualTo(400);
        assertThat(create("\"price\":9.90,\"quantity\":1e2,\"bookRequired\":false").status()).isEqualTo(400);
        assertThat(collections()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void refusesStringsForNumbersAndBooleansAndNumbersForBooleans() {
        int before = collections();
        assertThat(message(create("\"price\":9.90,\"quantity\":\"1\",\"bookRequired\":false")))
                .isEqualTo("quantity has the wrong type: expected an integer number");
        assertThat(message(create("\"price\":\"9.90\",\"quantity\":1,\"bookRequired\":false")))
                .isEqualTo("price has the wrong type: expected a number");
        assertThat(message(create("\"price\":9.90,\"quantity\":1,\"bookRequired\":\"true\"")))
                .isEqualTo("bookRequired has the wrong type: expected true or false");
        assertThat(message(create("\"price\":9.90,\"quantity\":1,\"bookRequired\":1")))
                .isEqualTo("bookRequired has the wrong type: expected true or false");
        assertThat(message(create("\"price\":9.90,\"quantity\":true,\"bookRequired\":false")))
                .isEqualTo("quantity has the wrong type: expected an integer number");
        assertThat(message(create("\"price\":9.90,\"quantity\":{\"a\":1},\"bookRequired\":false")))
                .startsWith("quantity has the wrong type");
        assertThat(collections()).isEqualTo(before);
        // The same body with real types is accepted: the refusals above are about types only.
        assertThat(create("\"price\":9.90,\"quantity\":1,\"bookRequired\":false").ok()).isTrue();
    }

    @Test
    void namesAnOutOfRangeNumberAndNeverEchoesTheInput() {
        TradingClient.Answer huge = create("\"price\":9.90,\"quantity\":99999999999,\"bookRequired\":false");
        assertThat(huge.status()).isEqualTo(400);
        assertThat(message(huge)).isEqualTo("quantity is out of range");
        TradingClient.Answer echo = create("\"price\":9.90,\"quantity\":\"<script>alert(1)</script>\",\"bookRequired\":false");
        assertThat(echo.status()).isEqualTo(400);
        assertThat(echo.body().toString()).doesNotContain("script");
        TradingClient.Answer broken = client.post("/admin/collections", admin, "{\"quantity\": 1,");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(message(broken)).isEqualTo(JsonReadProblem.MALFORMED);
    }

    @Test
    void buyQuantityOfOneAndAHalfIsRefusedAndBuysNothing() {
        long collectionId = client.openCollection(admin, new BigDecimal("1.00"), 5, false, Instant.now().minusSeconds(60));
        String buyer = client.newBuyer();
        TradingClient.Answer fraction = client.post("/trade/buy", buyer, client.token(buyer, "buy"),
                "{\"collectionId\":" + collectionId + ",\"quantity\":1.5,\"price\":1.00}");
        assertThat(fraction.status()).isEqualTo(400);
        assertThat(message(fraction)).isEqualTo("quantity has the wrong type: expected an integer number");
        TradingClient.Answer text = client.post("/trade/buy", buyer, client.token(buyer, "buy"),
                "{\"collectionId\":\"" + collectionId + "\",\"quantity\":1,\"price\":1.00}");
        assertThat(message(text)).isEqualTo("collectionId has the wrong type: expected an integer number");
        assertThat(jdbc.queryForObject("SELECT stock FROM nft_inventory WHERE collection_id = ?", Integer.class,
                collectionId)).as("no stock moved").isEqualTo(5);
    }

    @Test
    void theApplicationMapperStillReadsTheIdsItWritesAsStrings() throws Exception {
        NftDTO nft = mapper.readValue("{\"tokenId\":\"7254001\",\"orderId\":\"-3\",\"serial\":1,\"collectionId\":5,"
                + "\"ownerId\":\"9223372036854775807\",\"mintedAt\":1,\"leafHash\":\"ab\",\"blockHeight\":null}", NftDTO.class);
        assertThat(nft.tokenId()).isEqualTo(7254001L);
        assertThat(nft.orderId()).isEqualTo(-3L);
        assertThat(nft.collectionId()).isEqualTo(5L);
        assertThat(nft.ownerId()).isEqualTo(Long.MAX_VALUE);
        assertThat(mapper.readValue(mapper.writeValueAsString(nft), NftDTO.class)).isEqualTo(nft);
        for (String bad : new String[] {"\"12x\"", "\"\"", "\"9223372036854775808\"", "\"1.5\"", "\"+1\"", "\"１２\"",
            "true", "1.5"}) {
            assertThatThrownBy(() -> mapper.readValue("{\"tokenId\":" + bad + "}", NftDTO.class)).as(bad)
                    .isInstanceOf(MismatchedInputException.class);
        }
        // A long without the string shape reads no string.
        assertThatThrownBy(() -> mapper.readValue("{\"buyerId\":\"5\"}", BuyCommand.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    private TradingClient.Answer create(String fields) {
        return client.post("/admin/collections", admin, "{" + VALID + "," + fields + "}");
    }

    private static String message(TradingClient.Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("PARAM_INVALID");
        return answer.body().path("message").asText();
    }

    private int collections() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM nft_collection", Integer.class);
    }
}
