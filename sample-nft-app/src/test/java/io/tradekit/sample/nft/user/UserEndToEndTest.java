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

/** Registration, login, real-name authentication and freezing over HTTP, with hostile input. */
@SampleAppTest
class UserEndToEndTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void registersLogsInAuthenticatesAndReadsItself() {
        TradingClient client = new TradingClient(port);
        String phone = TradingClient.uniquePhone();
        long id = client.register(phone);
        String session = client.login(phone);

        TradingClient.Answer me = client.get("/user/me", session);
        assertThat(me.data().path("userId").asLong()).isEqualTo(id);
        assertThat(me.data().path("state").asText()).isEqualTo("INIT");

        assertThat(client.post("/user/auth", session, Map.of("realName", "Li Lei", "idCardNo", "110101199003070000"))
                .code()).isEqualTo("ID_CARD_INVALID");
        String idCard = TradingClient.validIdCard();
        assertThat(client.post("/user/auth", session, Map.of("realName", "Li Lei", "idCardNo", idCard)).ok()).isTrue();
        assertThat(client.post("/user/auth", session, Map.of("realName", "Li Lei", "idCardNo", idCard)).code())
                .isEqualTo("ALREADY_AUTHENTICATED");
        assertThat(client.get("/user/me", session).data().path("state").asText()).isEqualTo("AUTHENTICATED");
        assertThat(client.get("/user/me", session).body().toString()).doesNotContain(idCard);

        // Stored as a salted PBKDF2 hash, never the password.
        assertThat(jdbc.queryForObject("SELECT password_hash FROM nft_user WHERE id = ?", String.class, id))
                .startsWith("pbkdf2-sha256$120000$").doesNotContain(TradingClient.PASSWORD);

        assertThat(client.post("/user/logout", session, Map.of()).ok()).isTrue();
        assertThat(client.get("/user/me", session).status()).isEqualTo(401);
    }

    @Test
    void onePhoneOneAccountEvenUnderConcurrentRegistrations() throws Exception {
        TradingClient client = new TradingClient(port);
        String phone = TradingClient.uniquePhone();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<TradingClient.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return client.post("/user/register", null, Map.of("telephone", phone, "password", "password-" + phone));
            }));
        }
        start.countDown();
        int ok = 0;
        for (Future<TradingClient.Answer> answer : answers) {
            TradingClient.Answer a = answer.get();
            if (a.ok()) {
                ok++;
            } else {
                assertThat(a.code()).isEqualTo("TELEPHONE_TAKEN");
            }
        }
        pool.shutdown();
        assertThat(ok).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM nft_user WHERE telephone = ?", Integer.class, phone))
                .isEqualTo(1);
    }

    @Test
    void wrongPasswordAndUnknownPhoneGetTheSameAnswer() {
        TradingClient client = new TradingClient(port);
        String phone = TradingClient.uniquePhone();
        client.register(phone);
        TradingClient.Answer wrong = client.post("/user/login", null, Map.of("telephone", phone, "password", "nope-nope"));
        TradingClient.Answer unknown = client.post("/user/login", null,
                Map.of("telephone", TradingClient.uniquePhone(), "password", "nope-nope"));
        assertThat(wrong.code()).isEqualTo("BAD_CREDENTIALS");
        assertThat(unknown.body()).isEqualTo(wrong.body());
    }

    @Test
    void adminFreezesAUserWhoThenCannotLogIn() {
        TradingClient client = new TradingClient(port);
        String phone = TradingClient.uniquePhone();
        long id = client.register(phone);
        String session = client.login(phone);

        assertThat(client.post("/admin/users/" + id + "/freeze", session, Map.of()).status())
                .as("a customer is no admin").isEqualTo(403);
        assertThat(client.post("/admin/users/" + id + "/freeze", null, Map.of()).status()).isEqualTo(401);
        String admin = client.admin();
        assertThat(client.post("/admin/users/" + id + "/freeze", admin, Map.of()).ok()).isTrue();
        assertThat(client.post("/admin/users/" + id + "/freeze", admin, Map.of()).ok()).as("idempotent").isTrue();
        TradingClient.Answer unknownUser = client.post("/admin/users/999999999/freeze", admin, Map.of());
        assertThat(unknownUser.status()).as("not found is 404, not 422").isEqualTo(404);
        assertThat(unknownUser.code()).isEqualTo("USER_NOT_FOUND");

        assertThat(client.post("/user/login", null, Map.of("telephone", phone, "password", TradingClient.PASSWORD))
                .code()).isEqualTo("USER_FROZEN");
        assertThat(client.get("/user/me", session).data().path("state").asText()).isEqualTo("FROZEN");
    }

    @Test
    void refusesHostileAndMalformedInput() {
        TradingClient client = new TradingClient(port);
        String spel = "#{T(java.lang.Runtime).getRuntime().exec('id')}";
        assertThat(client.post("/user/register", null, Map.of("telephone", spel, "password", "whatever-1")).status())
                .isEqualTo(400);
        assertThat(client.post("/user/register", null, Map.of("telephone", "13" + "9".repeat(5000),
                "password", "whatever-1")).status()).isEqualTo(400);
        assertThat(client.post("/user/register", null, Map.of("password", "whatever-1")).status()).isEqualTo(400);
        assertThat(client.post("/user/register", null, Map.of("telephone", TradingClient.uniquePhone(),
                "password", "short")).status()).isEqualTo(400);
        assertThat(client.post("/user/register", null, Map.of("telephone", TradingClient.uniquePhone(),
                "password", "x".repeat(65))).status()).isEqualTo(400);
        assertThat(client.post("/user/register", null, "{\"telephone\":").status()).isEqualTo(400);
        assertThat(client.post("/user/register", null, "").status()).isEqualTo(400);
        assertThat(client.post("/user/login", null, Map.of("telephone", "13800000000' OR '1'='1",
                "password", "x")).status()).isEqualTo(400);
        assertThat(client.get("/user/me", "forged-token").status()).isEqualTo(401);
        assertThat(client.get("/user/me", "0".repeat(32)).status()).isEqualTo(401);
        assertThat(client.post("/admin/users/abc/freeze", client.admin(), Map.of()).status()).isEqualTo(400);

        String session = client.login(registerNew(client));
        assertThat(client.post("/user/auth", session, Map.of("realName", "<script>1</script>\n",
                "idCardNo", TradingClient.validIdCard())).status()).isEqualTo(400);
        assertThat(client.post("/user/auth", session, Map.of("realName", "Li Lei", "idCardNo", spel)).code())
                .isEqualTo("ID_CARD_INVALID");
        assertThat(client.post("/user/auth", session, Map.of()).status()).isEqualTo(400);
    }

    private static String registerNew(TradingClient client) {
        String phone = TradingClient.uniquePhone();
        client.register(phone);
        return phone;
    }
}
