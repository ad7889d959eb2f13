package io.tradekit.sample.nft.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.inventory.application.Drift;
import io.tradekit.sample.nft.inventory.application.InventoryService;
import io.tradekit.sample.nft.inventory.application.ReconcileMode;
import io.tradekit.sample.nft.inventory.application.ReconcileProperties;
import io.tradekit.sample.nft.inventory.application.Repair;
import io.tradekit.sample.nft.inventory.application.RepairKind;
import io.tradekit.sample.nft.inventory.job.StockReconciliationJob;
import io.tradekit.sample.nft.inventory.job.StockRepairLock;
import io.tradekit.sample.nft.order.TradingClient;
import io.tradekit.stock.StockCommand;
import io.tradekit.stock.StockOperation;
import io.tradekit.stock.StockService;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reconciliation repairs, on the running app and its real Redis and database: drift injected in each
 * direction — a Redis deduction record lost with its stock change (as after an AOF restart), a Redis
 * deduction no order explains (added, and left behind by a DB flow that is removed), a Redis stock set
 * wrong — is reported by a dry run that changes nothing, and one repair pass converges to no drift with
 * Redis stock + units held == total. A DB flow that disagrees with its Redis record is a conflict that
 * neither a dry run nor a repair overwrites. A manual pass takes the repairers' lock, and a fenced Redis refuses
 * buys with a JSON 503 until the fence is lifted.
 */
@SampleAppTest
class StockRepairTest {

    private static final BigDecimal PRICE = new BigDecimal("1.00");
    private static final int TOTAL = 8;

    @LocalServerPort
    int port;

    @Autowired
    StockReconciliationJob job;

    @Autowired
    ReconcileProperties properties;

    @Autowired
    InventoryService inventory;

    @Autowired
    StockService stock;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    LockProvider locks;

    @Test
    void aDryRunChangesNothingAndOneRepairPassConvergesForDriftInEachDirection() {
        TradingClient client = new TradingClient(port);
        long collectionId = client.openCollection(client.admin(), PRICE, TOTAL, false, Instant.now().minusSeconds(60));
        String item = "nft:" + collectionId;
        List<String> identifiers = buyAndAwaitCreated(client, collectionId, 3);

        // 1. Redis lost the first order's deduction (record and stock change): what an AOF restart does.
        String lost = identifiers.get(0);
        StockRecordKeys keys = new StockRecordKeys(item);
        String lostField = redis.<String, String>opsForHash().get(keys.records, "#D|" + lost);
        assertThat(lostField).isNotNull();
        redis.opsForHash().delete(keys.records, lostField, "#D|" + lost);
        redis.opsForValue().increment(keys.stock, 1);
        // 2. A Redis deduction no order explains (a half message the broker lost).
        assertThat(stock.deduct(new StockCommand(item, "u77", "stray-" + collectionId, 1)).success()).isTrue();
        // 3. The DB flow of the third order removed (its DB stock with it): its Redis deduction is now a stray too.
        String orphaned = identifiers.get(2);
        assertThat(jdbc.update("DELETE FROM nft_inventory_flow WHERE identifier = ? AND change_type = 'DEDUCT'", orphaned))
                .isEqualTo(1);
        jdbc.update("UPDATE nft_inventory SET stock = stock + 1 WHERE collection_id = ?", collectionId);
        // 4. The Redis stock set wrong by hand, 3 above what it was.
        redis.opsForValue().increment(keys.stock, 3);

        Map<Object, Object> recordsBefore = redis.opsForHash().entries(keys.records);
        String stockBefore = redis.opsForValue().get(keys.stock);
        double plannedBefore = count("PLANNED");
        Duration strayAfter = properties.getStrayAfter();
        properties.setStrayAfter(Duration.ZERO);
        try {
            Optional<List<Drift>> dryRun = job.runOnce(ReconcileMode.REPORT);
            Drift planned = only(collectionId, dryRun);
            assertThat(planned.repairs()).extracting(Repair::outcome).containsOnly(Repair.Outcome.PLANNED);
            assertThat(planned.repairs()).extracting(Repair::kind).containsExactlyInAnyOrder(
                    RepairKind.MISSING_DEDUCTION, RepairKind.STRAY_DEDUCTION, RepairKind.STRAY_DEDUCTION,
                    RepairKind.STOCK_VALUE);
            assertThat(planned.flowsWithoutRecord()).hasSize(1);
            assertThat(redis.opsForHash().entries(keys.records)).as("records after a dry run").isEqualTo(recordsBefore);
            assertThat(redis.opsForValue().get(keys.stock)).as("stock after a dry run").isEqualTo(stockBefore);
            // One count per planned repair of the pass (other collections of the suite may have some too).
            assertThat(count("PLANNED") - plannedBefore)
                    .isEqualTo(dryRun.get().stream().mapToLong(d -> d.repairs().size()).sum());

            Drift repaired = only(collectionId, job.runOnce(ReconcileMode.REPAIR));
            assertThat(repaired.settled()).as(repaired.toString()).isTrue();
            assertThat(repaired.repairs()).extracting(Repair::kind).contains(RepairKind.MISSING_DEDUCTION,
                    RepairKind.STRAY_DEDUCTION, RepairKind.STOCK_VALUE);

            Drift after = job.reconcile(collectionId);
            assertThat(after.none()).as(after.toString()).isTrue();
            assertThat(stock.record(item, lost)).as("the lost deduction record, written back").isPresent();
            assertThat(stock.record(item, "stray-" + collectionId, StockOperation.INCREASE)).as("stray given back").isPresent();
            assertThat(stock.record(item, orphaned, StockOperation.INCREASE)).as("orphaned deduction given back").isPresent();
            // Two orders hold stock in the DB; Redis agrees and counts the same units.
            assertThat(inventory.dbStock(collectionId)).isEqualTo(TOTAL - 2);
            assertThat(stock.get(item)).hasValue(TOTAL - 2);
            assertThat(job.runOnce(ReconcileMode.REPAIR)).get().asList().as("a second pass finds nothing")
                    .noneMatch(d -> ((Drift) d).collectionId() == collectionId);
        } finally {
            properties.setStrayAfter(strayAfter);
        }
    }

    @Test
    void aDbFlowThatDisagreesWithItsRedisRecordIsAConflictThatNeitherModeOverwrites() {
        TradingClient client = new TradingClient(port);
        long collectionId = client.openCollection(client.admin(), PRICE, TOTAL, false, Instant.now().minusSeconds(60));
        String item = "nft:" + collectionId;
        String altered = buyAndAwaitCreated(client, collectionId, 1).get(0);
        // The order's DB deduction flow altered (by hand, by a bug): 2 units where Redis recorded 1.
        assertThat(jdbc.update("UPDATE nft_inventory_flow SET quantity = 2 WHERE identifier = ? AND change_type = 'DEDUCT'",
                altered)).isEqualTo(1);
        // And the Redis stock set wrong: a conflict holds back the stock value's repair too.
        StockRecordKeys keys = new StockRecordKeys(item);
        redis.opsForValue().increment(keys.stock, 1);
        Map<Object, Object> recordsBefore = redis.opsForHash().entries(keys.records);
        String stockBefore = redis.opsForValue().get(keys.stock);

        for (ReconcileMode mode : ReconcileMode.values()) {
            double mismatchesBefore = count(RepairKind.FLOW_MISMATCH, Repair.Outcome.CONFLICT);
            Drift drift = only(collectionId, job.runOnce(mode));
            assertThat(drift.repairs()).as(mode.name()).singleElement().satisfies(repair -> {
                assertThat(repair.kind()).isEqualTo(RepairKind.FLOW_MISMATCH);
                assertThat(repair.outcome()).isEqualTo(Repair.Outcome.CONFLICT);
                assertThat(repair.identifier()).isEqualTo(altered);
                assertThat(repair.quantity()).isEqualTo(2);
                assertThat(repair.after()).isEqualTo(repair.before());
            });
            assertThat(drift.settled()).isFalse();
            assertThat(count(RepairKind.FLOW_MISMATCH, Repair.Outcome.CONFLICT) - mismatchesBefore)
                    .as("one audit line per pass").isEqualTo(1);
            assertThat(redis.opsForHash().entries(keys.records)).as("records after %s", mode).isEqualTo(recordsBefore);
            assertThat(redis.opsForValue().get(keys.stock)).as("stock after %s", mode).isEqualTo(stockBefore);
            assertThat(jdbc.queryForObject("SELECT quantity FROM nft_inventory_flow WHERE identifier = ? AND change_type = 'DEDUCT'",
                    Integer.class, altered)).as("the DB flow after %s", mode).isEqualTo(2);
        }

        // A person settles it (here: the flow back to what the order bought); the next pass repairs the rest.
        jdbc.update("UPDATE nft_inventory_flow SET quantity = 1 WHERE identifier = ? AND change_type = 'DEDUCT'", altered);
        Drift repaired = only(collectionId, job.runOnce(ReconcileMode.REPAIR));
        assertThat(repaired.repairs()).extracting(Repair::kind).containsExactly(RepairKind.STOCK_VALUE);
        assertThat(repaired.settled()).as(repaired.toString()).isTrue();
        assertThat(job.reconcile(collectionId).none()).isTrue();
        assertThat(stock.get(item)).hasValue(TOTAL - 1);
    }

    @Test
    void aYoungRedisDeductionWithoutItsOrderIsInFlightNotDrift() {
        TradingClient client = new TradingClient(port);
        long collectionId = client.openCollection(client.admin(), PRICE, TOTAL, false, Instant.now().minusSeconds(60));
        String item = "nft:" + collectionId;
        assertThat(stock.deduct(new StockCommand(item, "u78", "half-" + collectionId, 2)).success()).isTrue();

        Drift drift = only(collectionId, job.runOnce(ReconcileMode.REPAIR));

        assertThat(drift.repairs()).as("nothing repaired while its message may still come").isEmpty();
        assertThat(drift.inFlight()).isEqualTo(1);
        assertThat(stock.get(item)).hasValue(TOTAL - 2);
        assertThat(stock.record(item, "half-" + collectionId, StockOperation.INCREASE)).isEmpty();
    }

    @Test
    void aManualPassWaitsForNoOneAndRunsNothingWhileAnotherRepairerHoldsTheLock() {
        Optional<SimpleLock> held = locks.lock(new LockConfiguration(Instant.now(), StockRepairLock.LOCK,
                Duration.ofMinutes(1), Duration.ZERO));
        assertThat(held).as("the lock, as another instance would hold it").isPresent();
        try {
            assertThat(job.runOnce(ReconcileMode.REPAIR)).isEmpty();
        } finally {
            held.get().unlock();
        }
        assertThat(job.runOnce(ReconcileMode.REPORT)).isPresent();
    }

    @Test
    void aFencedRedisRefusesBuysWithAJson503UntilTheFenceIsLifted() {
        TradingClient client = new TradingClient(port);
        long collectionId = client.openCollection(client.admin(), PRICE, TOTAL, false, Instant.now().minusSeconds(60));
        String buyer = client.newBuyer();
        String verified = redis.opsForValue().get("sample:inventory:verified-redis");
        assertThat(verified).as("the run id the guard verified at start").isNotBlank();
        // What a restart looks like to the guard: the verified run id is not the running server's.
        redis.opsForValue().set("sample:inventory:verified-redis", "a-server-that-is-gone");
        long fencedStock;
        try {
            // Until this instance's guard (200 ms checks) sees it; a buy before that is an ordinary buy.
            await("the guard sees the fence", () ->
                    client.buy(buyer, client.token(buyer, "buy"), collectionId, 1, PRICE).status() == 503);
            fencedStock = stock.get("nft:" + collectionId).orElseThrow();
            TradingClient.Answer refused = client.buy(buyer, client.token(buyer, "buy"), collectionId, 1, PRICE);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.code()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(stock.get("nft:" + collectionId)).as("nothing deducted while fenced").hasValue(fencedStock);
        } finally {
            redis.opsForValue().set("sample:inventory:verified-redis", verified);
        }
        await("buys resume", () -> client.buy(buyer, client.token(buyer, "buy"), collectionId, 1, PRICE).ok());
        assertThat(stock.get("nft:" + collectionId)).hasValue(fencedStock - 1);
    }

    private List<String> buyAndAwaitCreated(TradingClient client, long collectionId, int orders) {
        List<String> identifiers = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            String buyer = client.newBuyer();
            String token = client.token(buyer, "buy");
            TradingClient.Answer bought = client.buy(buyer, token, collectionId, 1, PRICE);
            assertThat(bought.ok()).as(bought.toString()).isTrue();
            client.awaitOrder(buyer, bought.data().path("orderId").asText(),
                    order -> "CREATED".equals(order.path("state").asText()));
            identifiers.add(jdbc.queryForObject("SELECT identifier FROM nft_inventory_flow WHERE order_id = ?",
                    String.class, Long.parseLong(bought.data().path("orderId").asText())));
        }
        return identifiers;
    }

    private static Drift only(long collectionId, Optional<List<Drift>> drifts) {
        assertThat(drifts).as("the pass ran (lock free)").isPresent();
        return drifts.get().stream().filter(d -> d.collectionId() == collectionId).findFirst()
                .orElseThrow(() -> new AssertionError("no drift on collection " + collectionId + " in " + drifts.get()));
    }

    private double count(RepairKind kind, Repair.Outcome outcome) {
        return meters.find("sample.inventory.repairs").tag("kind", kind.name()).tag("outcome", outcome.name())
                .counters().stream().mapToDouble(Counter::count).sum();
    }

    private double count(String outcome) {
        return meters.find("sample.inventory.repairs").tag("outcome", outcome).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within the bound of this wait (20 s)");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The stock starter's keys of an item under its default prefix ({@code StockKeys}). */
    private record StockRecordKeys(String stock, String records) {
        StockRecordKeys(String item) {
            this("tradekit:stock:{" + item + "}", "tradekit:stock:{" + item + "}:records");
        }
    }
}
