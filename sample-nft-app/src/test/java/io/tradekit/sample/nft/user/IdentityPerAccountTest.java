package io.tradekit.sample.nft.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.order.TradingClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** One real identity per account: an ID number authenticates one account, whatever the race. */
@SampleAppTest
class IdentityPerAccountTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSecondAccountCannotUseABoundIdNumberAndLearnsNotWhoHoldsIt() {
        TradingClient client = new TradingClient(port);
        String idCard = TradingClient.validIdCard();
        String firstPhone = TradingClient.uniquePhone();
        long first = client.register(firstPhone);
        assertThat(auth(client, client.login(firstPhone), idCard).ok()).isTrue();

        String secondPhone = TradingClient.uniquePhone();
        long second = client.register(secondPhone);
        String session = client.login(secondPhone);
        TradingClient.Answer taken = auth(client, session, idCard);
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.code()).isEqualTo("ID_NUMBER_TAKEN");
        assertThat(taken.body().toString()).doesNotContain(firstPhone, Long.toString(first), idCard, "Li Lei");
        // The check character typed in lower case is the same number.
        String lower = idCard.toLowerCase(java.util.Locale.ROOT);
        if (!lower.equals(idCard)) {
            assertThat(auth(client, session, lower).code()).isEqualTo("ID_NUMBER_TAKEN");
        }
        assertThat(client.get("/user/me", session).data().path("state").asText()).as("still unauthenticated")
                .isEqualTo("INIT");
        // Its own number still works afterwards.
        assertThat(auth(client, session, TradingClient.validIdCard()).ok()).isTrue();
        assertThat(jdbc.queryForObject("SELECT state FROM nft_user WHERE id = ?", String.class, second))
                .isEqualTo("AUTHENTICATED");
    }

    @Test
    void theFingerprintIsKeyedAndNeverThePlainNumber() {
        TradingClient client = new TradingClient(port);
        String phone = TradingClient.uniquePhone();
        long id = client.register(phone);
        String idCard = TradingClient.validIdCard();
        assertThat(auth(client, client.login(phone), idCard).ok()).isTrue();
        String fingerprint = jdbc.queryForObject("SELECT id_card_hash FROM nft_user WHERE id = ?", String.class, id);
        assertThat(fingerprint).matches("[0-9a-f]{64}").doesNotContain(idCard.substring(0, 17));
        // Not a plain SHA-256 of the number, which anyone could recompute for every birth date and district.
        assertThat(fingerprint).isNotEqualTo(sha256(idCard)).isNotEqualTo(sha256("GB11643:" + idCard));
    }

    @Test
    void eightAccountsRacingForOneNumberBindExactlyOne() throws Exception {
        TradingClient client = new TradingClient(port);
        String idCard = TradingClient.validIdCard();
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String phone = TradingClient.uniquePhone();
            client.register(phone);
            sessions.add(client.login(phone));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<TradingClient.Answer>> answers = new ArrayList<>();
        for (String session : sessions) {
            answers.add(pool.submit(() -> {
                start.await();
                return auth(client, session, idCard);
            }));
        }
        start.countDown();
        int bound = 0;
        for (Future<TradingClient.Answer> answer : answers) {
            TradingClient.Answer a = answer.get();
            if (a.ok()) {
                bound++;
            } else {
                assertThat(a.code()).as(a.body().toString()).isEqualTo("ID_NUMBER_TAKEN");
            }
        }
        pool.shutdown();
        assertThat(bound).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM nft_user WHERE id_card_no = ?", Integer.class, idCard))
                .isEqualTo(1);
    }

    @Test
    void hostileIdNumbersAreInvalidNotTaken() {
        TradingClient client = new TradingClient(port);
        String phone = TradingClient.uniquePhone();
        client.register(phone);
        String session = client.login(phone);
        String valid = TradingClient.validIdCard();
        String fullWidth = valid.chars().mapToObj(c -> c >= '0' && c <= '9' ? String.valueOf((char) (c - '0' + '０'))
                : String.valueOf((char) c)).reduce("", String::concat);
        for (String hostile : new String[] {"", " ", valid + " ", " " + valid, valid.substring(0, 17) + "\u0000",
            fullWidth, valid.substring(0, 17) + "\u0425", valid + "\u200b", "1".repeat(5000), "null"}) {
            TradingClient.Answer answer = auth(client, session, hostile);
            assertThat(answer.code()).as(hostile).isEqualTo("ID_CARD_INVALID");
        }
        assertThat(client.post("/user/auth", session, "{\"realName\":\"Li Lei\",\"idCardNo\":null}").code())
                .isEqualTo("ID_CARD_INVALID");
        assertThat(client.post("/user/auth", session, "{\"realName\":\"Li Lei\",\"idCardNo\":110101199003070000}")
                .status()).as("a number where text belongs is read as its digits, then checked").isEqualTo(422);
        assertThat(client.post("/user/auth", session, "{\"realName\":\"Li Lei\",\"idCardNo\":[\"" + valid + "\"]}")
                .status()).isEqualTo(400);
        assertThat(client.get("/user/me", session).data().path("state").asText()).isEqualTo("INIT");
    }

    private static TradingClient.Answer auth(TradingClient client, String session, String idCard) {
        return client.post("/user/auth", session, Map.of("realName", "Li Lei", "idCardNo", idCard));
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
