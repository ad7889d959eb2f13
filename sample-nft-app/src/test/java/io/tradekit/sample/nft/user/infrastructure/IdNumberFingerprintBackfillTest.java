package io.tradekit.sample.nft.user.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.order.TradingClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Accounts authenticated before V102 get their fingerprint; an old duplicate is reported, not bound twice. */
@SampleAppTest
class IdNumberFingerprintBackfillTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdNumberFingerprintBackfill backfill;

    @Test
    void bindsOldAuthenticationsAndReportsSharedNumbersById() {
        String shared = TradingClient.validIdCard();
        String alone = TradingClient.validIdCard();
        long older = oldAuthenticatedRow(shared);
        long newer = oldAuthenticatedRow(shared.toLowerCase(java.util.Locale.ROOT));
        long single = oldAuthenticatedRow(alone);

        List<Long> unbound = backfill.run();

        assertThat(unbound).contains(newer).doesNotContain(older, single);
        assertThat(hash(older)).matches("[0-9a-f]{64}");
        assertThat(hash(single)).matches("[0-9a-f]{64}");
        assertThat(hash(newer)).isNull();
        // The old numbers are bound now: a new account cannot use them.
        TradingClient client = new TradingClient(port);
        String phone = TradingClient.uniquePhone();
        client.register(phone);
        String session = client.login(phone);
        for (String number : new String[] {shared, alone}) {
            assertThat(client.post("/user/auth", session, Map.of("realName", "Li Lei", "idCardNo", number)).code())
                    .isEqualTo("ID_NUMBER_TAKEN");
        }
        assertThat(backfill.run()).as("a second run changes nothing").containsExactly(newer);
    }

    private long oldAuthenticatedRow(String idCardNo) {
        String phone = TradingClient.uniquePhone();
        jdbc.update("INSERT INTO nft_user (telephone, password_hash, nick_name, state, role, real_name, id_card_no,"
                + " created_at, updated_at) VALUES (?, 'pbkdf2-sha256$1$x$y', 'old', 'AUTHENTICATED', 'CUSTOMER',"
                + " 'Li Lei', ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", phone, idCardNo);
        return jdbc.queryForObject("SELECT id FROM nft_user WHERE telephone = ?", Long.class, phone);
    }

    private String hash(long id) {
        return jdbc.queryForObject("SELECT id_card_hash FROM nft_user WHERE id = ?", String.class, id);
    }
}
