package io.tradekit.sample.nft.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.inventory.job.StockRepairLock;
import io.tradekit.sample.nft.order.TradingClient;
import io.tradekit.stock.StockService;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The operators' one-off reconciliation, {@code POST /admin/inventory/stock-repair?mode=report|repair}, on
 * the running app and its real Redis and database: admins only; a mode other than report or repair is a
 * 400; the dry run reports injected drift and changes nothing, the repair repairs it; while another pass
 * holds the {@code stock-repair} lock the answer is a coded 409 and nothing runs.
 */
@SampleAppTest
class StockRepairEndpointTest {

    private static final String PATH = "/admin/inventory/stock-repair";
    private static final BigDecimal PRICE = new BigDecimal("1.00");
    private static final int TOTAL = 5;

    @LocalServerPort
    int port;

    @Autowired
    StockService stock;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    LockProvider locks;

    @Test
    void onlyAnAdminRunsIt() {
        TradingClient client = new TradingClient(port);
        TradingClient.Answer anonymous = client.post(PATH + "?mode=report", null, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("UNAUTHORIZED");
        TradingClient.Answer buyer = client.post(PATH + "?mode=report", client.newBuyer(), null);
        assertThat(buyer.status()).isEqualTo(403);
        assertThat(buyer.code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void aModeOtherThanReportOrRepairIsRefused() {
        TradingClient client = new TradingClient(port);
        String admin = client.admin();
        for (String query : new String[] {"?mode=fix", "?mode=", "?mode=report%00", ""}) {
            TradingClient.Answer refused = client.post(PATH + query, admin, null);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.code()).as(query).isEqualTo("PARAM_INVALID");
            assertThat(refused.body().path("success").asBoolean(true)).isFalse();
        }
    }

    @Test
    void aDryRunReportsTheDriftAndChangesNothingThenARepairRepairsIt() {
        TradingClient client = new TradingClient(port);
        String admin = client.admin();
        long collectionId = client.openCollection(admin, PRICE, TOTAL, false, Instant.now().minusSeconds(60));
        String item = "nft:" + collectionId;
        // The Redis stock set wrong by hand, 2 above the total (no order holds a unit).
        redis.opsForValue().increment("tradekit:stock:{" + item + "}", 2);

        TradingClient.Answer dryRun = client.post(PATH + "?mode=report", admin, null);
        assertThat(dryRun.ok()).as(dryRun.toString()).isTrue();
        JsonNode planned = repairOf(dryRun, collectionId);
        assertThat(planned.path("kind").asText()).isEqualTo("STOCK_VALUE");
        assertThat(planned.path("outcome").asText()).isEqualTo("PLANNED");
        assertThat(planned.path("before").asLong()).isEqualTo(TOTAL + 2);
        assertThat(planned.path("after").asLong()).isEqualTo(TOTAL);
        assertThat(stock.get(item)).as("stock after the dry run").hasValue(TOTAL + 2);

        TradingClient.Answer repair = client.post(PATH + "?mode=REPAIR", admin, null);
        assertThat(repair.ok()).as(repair.toString()).isTrue();
        assertThat(repairOf(repair, collectionId).path("outcome").asText()).isEqualTo("APPLIED");
        assertThat(stock.get(item)).hasValue(TOTAL);

        TradingClient.Answer again = client.post(PATH + "?mode=report", admin, null);
        assertThat(again.ok()).isTrue();
        assertThat(again.body().path("list")).as("no drift left on the sale")
                .noneMatch(drift -> drift.path("collectionId").asLong() == collectionId);
    }

    @Test
    void whileAnotherPassHoldsTheLockTheAnswerIsACoded409AndNothingRuns() {
        TradingClient client = new TradingClient(port);
        String admin = client.admin();
        long collectionId = client.openCollection(admin, PRICE, TOTAL, false, Instant.now().minusSeconds(60));
        String item = "nft:" + collectionId;
        redis.opsForValue().increment("tradekit:stock:{" + item + "}", 1);
        Optional<SimpleLock> held = locks.lock(new LockConfiguration(Instant.now(), StockRepairLock.LOCK,
                Duration.ofMinutes(1), Duration.ZERO));
        assertThat(held).as("the lock, as another instance would hold it").isPresent();
        try {
            TradingClient.Answer busy = client.post(PATH + "?mode=repair", admin, null);
            assertThat(busy.status()).isEqualTo(409);
            assertThat(busy.code()).isEqualTo("LOCK_FAILED");
            assertThat(stock.get(item)).as("nothing repaired").hasValue(TOTAL + 1);
        } finally {
            held.get().unlock();
        }
        TradingClient.Answer repair = client.post(PATH + "?mode=repair", admin, null);
        assertThat(repair.ok()).as(repair.toString()).isTrue();
        assertThat(stock.get(item)).hasValue(TOTAL);
    }

    /** The one repair the pass found on {@code collectionId}. */
    private static JsonNode repairOf(TradingClient.Answer answer, long collectionId) {
        for (JsonNode drift : answer.body().path("list")) {
            if (drift.path("collectionId").asLong() == collectionId) {
                assertThat(drift.path("repairs")).as(drift.toString()).hasSize(1);
                return drift.path("repairs").get(0);
            }
        }
        throw new AssertionError("no drift on collection " + collectionId + " in " + answer.body());
    }
}
