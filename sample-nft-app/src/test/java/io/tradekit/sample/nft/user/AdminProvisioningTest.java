package io.tradekit.sample.nft.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.order.TradingClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The admin comes from configuration (sample.user.bootstrap-admin), never from registering first. */
@SampleAppTest
class AdminProvisioningTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theConfiguredAdminExistsFromStartUpAndItsPhoneCannotBeRegistered() {
        TradingClient client = new TradingClient(port);
        assertThat(jdbc.queryForObject("SELECT role FROM nft_user WHERE telephone = ?", String.class,
                TradingClient.ADMIN_PHONE)).isEqualTo("ADMIN");
        TradingClient.Answer register = client.post("/user/register", null,
                Map.of("telephone", TradingClient.ADMIN_PHONE, "password", "attacker-pass-1"));
        assertThat(register.code()).isEqualTo("TELEPHONE_TAKEN");
        assertThat(client.post("/user/login", null, Map.of("telephone", TradingClient.ADMIN_PHONE,
                "password", "attacker-pass-1")).code()).isEqualTo("BAD_CREDENTIALS");

        String admin = client.admin();
        assertThat(client.get("/user/me", admin).data().path("role").asText()).isEqualTo("ADMIN");
        // The hash, not the password, is what the configuration and the row hold.
        assertThat(jdbc.queryForObject("SELECT password_hash FROM nft_user WHERE telephone = ?", String.class,
                TradingClient.ADMIN_PHONE)).startsWith("pbkdf2-sha256$").doesNotContain(TradingClient.ADMIN_PASSWORD);
    }

    @Test
    void registeringNeverGrantsAdmin() {
        TradingClient client = new TradingClient(port);
        String phone = TradingClient.uniquePhone();
        long id = client.register(phone);
        String session = client.login(phone);
        assertThat(client.get("/user/me", session).data().path("role").asText()).isEqualTo("CUSTOMER");
        assertThat(client.post("/admin/collections", session, Map.of("name", "x")).status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT role FROM nft_user WHERE id = ?", String.class, id)).isEqualTo("CUSTOMER");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM nft_user WHERE role = 'ADMIN'", Integer.class))
                .as("only the configured admin").isEqualTo(1);
    }
}
