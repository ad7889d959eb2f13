package io.tradekit.sample.nft.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.sample.nft.crash.Seckill.Attempt;
import io.tradekit.sample.nft.crash.TradeProcesses.Trade;
import io.tradekit.sample.nft.crash.hook.CrashHooks;
import io.tradekit.sample.nft.crash.hook.FaultPoints;
import io.tradekit.sample.nft.multiprocess.SeckillInvariants;
import io.tradekit.sample.nft.multiprocess.SplitRoles;
import io.tradekit.sample.nft.order.TradingClient;
import io.tradekit.sample.nft.order.listener.OrderCreateListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Crashes, not clean shutdowns (issue 19, fault cases 2, 5, 6 and 1, in that order): one set of shared
 * servers, a goods process and trade processes of the Boot jar (child JVMs, {@link SplitRoles}); each case
 * runs a bounded seckill on a fresh sale, {@code kill -9}s a process in the middle of it, and checks the
 * sale once it has settled ({@link SeckillInvariants}: one order per token, every half message resolved,
 * DB stock + sold = initial, Redis stock = DB stock, no drift), plus what the case claims.
 *
 * <p>The trade processes carry test-only fault points ({@link io.tradekit.sample.nft.crash.hook}, loaded
 * beside the jar): an armed call parks at its point, the test sees its mark and kills the process there, so
 * every kill lands exactly where the case says, with the process's pid checked dead afterwards. A killed
 * trade process is replaced (started in the background while the sale settles) for the next case.
 *
 * <p>Timing: the brokers' first check-back comes 6 s after a half message and then every second
 * ({@code SharedServersProcess}: {@code --transaction-timeout 6s}, interval 1 s), and the app keeps its
 * undecided window of 20 s ({@code tradekit.txmsg.check.undecided-window}): a deduction whose COMMIT died
 * with its process is settled by another process within seconds of the kill, a half message without a
 * deduction is rolled back within about 20 s (and changes nothing meanwhile), and the cancel race of case 6
 * (check-back at 6 s) happens well inside the window. No setting is shortened for the test; the brokers get
 * more check rounds ({@link #CHECK_ROUNDS}) so that a broker restart does not exhaust them.
 *
 * <p>Each case prints one {@code CRASH-KILL} line with what docs/faults.md reports: the answers the buyers
 * saw, during the fault and overall, and the time from the kill to all invariants holding.
 */
@Tag("crash")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProcessKillTest {

    private static final Path DIR = Path.of("target", "crash-kill");
    private static final int BUYERS = 40;
    private static final int THREADS = 12;
    /** How long a broker stays dead while the buys go on. */
    private static final Duration BROKER_DOWN = Duration.ofSeconds(3);
    /** Buys parked between their local commit and COMMIT when trade-1 is killed (case 1). */
    private static final int PARKED_BUYS = 3;
    /** The bound of each wait for a sale to settle: check-backs and redeliveries need seconds, a rollback 20 s. */
    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final Duration SECKILL = Duration.ofMinutes(2);
    private static final Duration PARK = Duration.ofSeconds(60);
    /**
     * The brokers' check rounds before they discard a half message (RocketMQ's transactionCheckMax, 15 by
     * default), at the dev check interval of 1 s. Every round counts, also one that finds no producer: a
     * restarted broker gets its producers back only when they re-read its route (the client's name-server
     * poll, 30 s) and heartbeat it (5 s here). With 15 rounds a restart discarded the half messages it held
     * (case 2 failed: orders left CREATING, Redis stock held); production brokers allow 15 rounds of 30 s.
     */
    private static final int CHECK_ROUNDS = 60;

    private static SplitRoles roles;
    private static FaultPoints points;
    private static SeckillInvariants invariants;
    private static TradingClient goods;
    private static String admin;
    private static List<String> buyers;
    private static TradeProcesses trades;

    @BeforeAll
    static void startProcesses() throws Exception {
        Path hooks = HookClasses.copyTo(DIR.resolve("hooks"));
        Path faults = DIR.resolve("faults").toAbsolutePath();
        HookClasses.deleteRecursively(faults);
        Files.createDirectories(faults);
        points = new FaultPoints(faults);
        roles = SplitRoles.start(DIR, List.of("--transaction-check-max", Integer.toString(CHECK_ROUNDS)), List.of(),
                new SplitRoles.TradeExtras(hooks, List.of("-D" + FaultPoints.DIR_PROPERTY + "=" + faults),
                        List.of("--spring.main.sources=" + CrashHooks.class.getName())));
        invariants = new SeckillInvariants(roles.servers());
        goods = new TradingClient(roles.goods().httpPort());
        trades = new TradeProcesses(roles);
        admin = trades.all().get(0).client().admin();
        buyers = newBuyers();
    }

    @AfterAll
    static void reap() {
        if (trades != null) {
            trades.settle();
        }
        if (roles != null) {
            roles.close();
        }
    }

    /** Case 2: kill -9 a broker mid-seckill, restart it on its store. */
    @Test
    @Order(1)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aBrokerKilledMidSeckillAndRestartedOnItsStoreLosesNoAcceptedBuyAndDuplicatesNoOrder() throws Exception {
        int items = 40;
        long sale = openSale(items);
        long brokerBefore = roles.servers().brokerPids().get("broker-a");
        Seckill seckill = Seckill.start(TradeProcesses.targets(trades.live()), buyers, sale, 200, THREADS);
        // A third of the sale sold: messages are in flight on both brokers.
        seckill.awaitAnswered(items / 3, SECKILL);
        long killed = System.nanoTime();
        roles.servers().killBroker("broker-a");
        Thread.sleep(BROKER_DOWN.toMillis());
        roles.servers().restartBroker("broker-a", Duration.ofMinutes(2));
        long restarted = System.nanoTime();
        List<Attempt> answers = seckill.finish(SECKILL);
        SeckillInvariants.Snapshot settled = invariants.awaitHold(sale, items, SETTLE);
        long recovered = System.nanoTime();

        assertThat(ProcessHandle.of(brokerBefore).map(ProcessHandle::isAlive)).as("the killed broker-a")
                .isNotEqualTo(Optional.of(true));
        assertThat(roles.servers().brokerPids().get("broker-a")).as("broker-a restarted: a new process")
                .isNotEqualTo(brokerBefore);
        assertEveryAcceptedBuyHasItsOrder(sale, answers, settled);
        assertThat(Seckill.count(answers).keySet()).as("answers: %s", Seckill.count(answers))
                .isSubsetOf(Seckill.ACCEPTED, Seckill.PENDING, "422 SOLD_OUT",
                        // a half message that could not be stored: the buy failed, nothing held
                        "500 SYSTEM_ERROR", "503 SERVICE_UNAVAILABLE");
        report("2 broker kill -9 + restart on its store", answers, settled, killed, recovered,
                Map.of("brokerDownSeconds", seconds(killed, restarted),
                        "answersWhileBrokerDown", Seckill.countBetween(answers, killed, restarted)));
    }

    /** Case 5: the consumer process dies inside its order transaction (order written, not committed). */
    @Test
    @Order(2)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aConsumerKilledInsideItsOrderTransactionLeavesExactlyOneOrder() throws Exception {
        int items = 30;
        long sale = openSale(items);
        // Armed before the first buy: the first order write of this sale, in whichever trade process consumes
        // it, parks inside the guard's transaction; the other writes go on.
        points.armOnce(FaultPoints.ORDER_WRITTEN, sale);
        Seckill seckill = Seckill.start(TradeProcesses.targets(trades.live()), buyers, sale, 150, THREADS);
        FaultPoints.Mark parked = points.awaitParked(FaultPoints.ORDER_WRITTEN, 1, PARK).get(0);
        Trade victim = trades.byPid(parked.pid());
        long killed = System.nanoTime();
        victim.process().kill();
        trades.replace("trade-3");
        List<Attempt> answers = seckill.finish(SECKILL);
        SeckillInvariants.Snapshot settled = invariants.awaitHold(sale, items, SETTLE);
        long recovered = System.nanoTime();

        long orderId = Long.parseLong(parked.name());
        assertThat(victim.process().isAlive()).as("%s killed inside the order transaction", victim.name()).isFalse();
        assertThat(invariants.strings("SELECT state FROM nft_order WHERE id = ?", orderId))
                .as("the order whose write died uncommitted, written again by another process").containsExactly("CREATED");
        assertThat(invariants.strings("SELECT change_type FROM nft_inventory_flow WHERE order_id = ?", orderId))
                .as("its DB stock deducted once").containsExactly("DEDUCT");
        assertThat(invariants.strings("SELECT consumer_group FROM tradekit_txmsg_consumed WHERE message_key ="
                + " CONCAT('order-create-', CAST(? AS VARCHAR(20)))", orderId))
                .as("its message consumed once").containsExactly(OrderCreateListener.GROUP);
        assertEveryAcceptedBuyHasItsOrder(sale, answers, settled);
        report("5 consumer kill -9 inside its order transaction", answers, settled, killed, recovered,
                Map.of("victim", victim.name()));
    }

    /**
     * Case 6, the cancel race: a check-back asks before the cancel's local transaction committed, then the
     * producer dies between its local commit and the end of the transaction.
     */
    @Test
    @Order(3)
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void aCancelWhoseProducerDiesAfterItsLocalCommitIsSettledByAnotherProcessAndItsStockComesBack() throws Exception {
        List<Trade> live = trades.awaitTwoLive();
        int items = 30;
        long sale = openSale(items);
        Trade victim = live.get(0);
        List<Trade> others = live.subList(1, live.size());
        double settledBefore = TradeProcesses.checkBacks(others, admin, "ORDER_CANCEL", "COMMIT");
        Seckill seckill = Seckill.start(TradeProcesses.targets(live), buyers, sale, 150, THREADS);
        Attempt bought = awaitFirstAccepted(seckill);
        victim.client().awaitOrder(bought.buyer(), bought.orderId(), order -> "CREATED".equals(order.path("state").asText()));
        long orderId = Long.parseLong(bought.orderId());
        String token = invariants.strings("SELECT identifier FROM nft_order WHERE id = ?", orderId).get(0);

        points.armOnce(FaultPoints.CANCEL_COMMITTED, orderId);
        ExecutorService caller = Executors.newSingleThreadExecutor();
        Future<TradingClient.Answer> cancel = caller.submit(() -> victim.client().post("/trade/cancel", bought.buyer(),
                Map.of("orderId", bought.orderId())));
        FaultPoints.Mark parked = points.awaitParked(FaultPoints.CANCEL_COMMITTED, 1, PARK).get(0);
        assertThat(parked.pid()).as("the cancel parked in the process it was sent to").isEqualTo(victim.process().pid());
        long killed = System.nanoTime();
        victim.process().kill();
        // Late buyers from the kill on, whether or not the first wave has ended (the cancel waited 6 s for its
        // check-back): the seckill goes on across the fault, and the unit that comes back can be bought again.
        Seckill late = Seckill.start(TradeProcesses.targets(trades.live()), buyers, sale, 100, THREADS);
        trades.replace("trade-4");
        List<Attempt> answers = new ArrayList<>(seckill.finish(SECKILL));
        answers.addAll(late.finish(SECKILL));
        SeckillInvariants.Snapshot settled = invariants.awaitHold(sale, items, SETTLE);
        awaitRestored(orderId);
        long recovered = System.nanoTime();
        caller.shutdownNow();

        assertThat(victim.process().isAlive()).as("%s killed after the cancel's local commit", victim.name()).isFalse();
        Optional<FaultPoints.Mark> checked = points.checkedCancel(orderId);
        assertThat(checked).as("a check-back found the cancel not ended yet").isPresent();
        assertThat(checked.get().atMillis()).as("that check-back came before the local commit")
                .isLessThan(parked.atMillis());
        assertThat(cancel).as("the buyer's cancel got no answer").failsWithin(Duration.ofSeconds(30));
        assertThat(invariants.strings("SELECT state FROM nft_order WHERE id = ?", orderId)).containsExactly("CANCELLED");
        assertThat(invariants.strings("SELECT change_type FROM nft_inventory_flow WHERE order_id = ? ORDER BY id",
                orderId)).as("its DB stock deducted, then given back once").containsExactly("DEDUCT", "RESTORE");
        assertThat(settled.redisGivenBack()).as("its Redis stock given back").contains(token);
        assertThat(TradeProcesses.checkBacks(others, admin, "ORDER_CANCEL", "COMMIT")).as("check-backs of the other trade processes"
                + " answered COMMIT").isGreaterThan(settledBefore);
        report("6 cancel race: check-back before the commit, producer kill -9 after it", answers, settled, killed,
                recovered, Map.of("victim", victim.name(), "checkBackBeforeCommitMillis",
                        parked.atMillis() - checked.get().atMillis()));
    }

    /** Case 1: kill -9 a trade process with buys between their half message and COMMIT. */
    @Test
    @Order(4)
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void aTradeProcessKilledWithBuysBetweenHalfMessageAndCommitIsSettledByTheOther() throws Exception {
        List<Trade> live = trades.awaitTwoLive();
        int items = 40;
        long sale = openSale(items);
        Trade victim = live.get(0);
        List<Trade> others = live.subList(1, live.size());
        double settledBefore = TradeProcesses.checkBacks(others, admin, "ORDER_CREATE", "COMMIT");
        // Every buy of this sale on the victim parks once its Redis deduction committed, before COMMIT.
        points.arm(FaultPoints.CREATE_COMMITTED, sale, victim.process().pid());
        Seckill seckill = Seckill.start(TradeProcesses.targets(live), buyers, sale, 200, THREADS);
        points.awaitParked(FaultPoints.CREATE_COMMITTED, PARKED_BUYS, PARK);
        long killed = System.nanoTime();
        victim.process().kill();
        // Read after the kill: every buy the dead process held.
        List<String> parked = points.parked(FaultPoints.CREATE_COMMITTED).stream().map(FaultPoints.Mark::name).toList();
        List<Attempt> answers = seckill.finish(SECKILL);
        SeckillInvariants.Snapshot settled = invariants.awaitHold(sale, items, SETTLE);
        long recovered = System.nanoTime();

        assertThat(victim.process().isAlive()).as("%s killed", victim.name()).isFalse();
        assertThat(orderIds(sale, "CREATED")).as("the buys held at the kill became orders").containsAll(parked);
        assertThat(TradeProcesses.checkBacks(others, admin, "ORDER_CREATE", "COMMIT") - settledBefore)
                .as("check-backs the other trade processes answered COMMIT").isGreaterThanOrEqualTo(parked.size());
        assertEveryAcceptedBuyHasItsOrder(sale, answers, settled);
        report("1 trade kill -9 with buys between half message and COMMIT", answers, settled, killed, recovered,
                Map.of("victim", victim.name(), "buysHeldAtKill", parked.size()));
    }

    // --- the cases' common checks ---

    /**
     * Every ACCEPTED buy has its order (none lost), and there are no more live orders than buys that could
     * have made one (accepted, pending, or unanswered): none made from nothing, none duplicated.
     */
    private static void assertEveryAcceptedBuyHasItsOrder(long sale, List<Attempt> answers,
                                                          SeckillInvariants.Snapshot settled) throws Exception {
        List<String> accepted = Seckill.accepted(answers);
        assertThat(accepted).as("buys accepted").isNotEmpty().doesNotHaveDuplicates();
        assertThat(orderIds(sale, "CREATED")).as("every accepted buy has its order").containsAll(accepted);
        Map<String, Integer> counts = Seckill.count(answers);
        int couldOrder = accepted.size() + counts.getOrDefault(Seckill.PENDING, 0)
                + counts.getOrDefault(Seckill.NO_ANSWER, 0);
        assertThat(settled.liveOrderTokens().size()).as("live orders, at most the buys that could make one: %s",
                counts).isLessThanOrEqualTo(couldOrder);
    }

    private static List<String> orderIds(long sale, String state) throws Exception {
        return invariants.rows("SELECT CAST(id AS VARCHAR(20)), state FROM nft_order WHERE collection_id = ?", sale)
                .stream().filter(row -> row.get(1).equals(state)).map(row -> row.get(0)).toList();
    }

    /** Waits until the cancelled order's stock is back in the DB (its flow RESTORE), at most {@link #SETTLE}. */
    private static void awaitRestored(long orderId) throws Exception {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!invariants.strings("SELECT change_type FROM nft_inventory_flow WHERE order_id = ?", orderId)
                .contains("RESTORE") && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
    }

    private static Attempt awaitFirstAccepted(Seckill seckill) throws InterruptedException {
        long deadline = System.nanoTime() + PARK.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Attempt> accepted = seckill.answers().stream()
                    .filter(a -> Seckill.ACCEPTED.equals(a.outcome())).findFirst();
            if (accepted.isPresent()) {
                return accepted.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no buy accepted within " + PARK + " (the bound of this wait): "
                + Seckill.count(seckill.answers()));
    }

    // --- set-up ---

    private static long openSale(int items) {
        return goods.openCollection(admin, Seckill.PRICE, items, false, Instant.now().minusSeconds(60));
    }

    /** Buyers able to buy (registered, logged in, authenticated); sessions live in Redis, valid on every process. */
    private static List<String> newBuyers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < BUYERS; i++) {
                TradingClient trade = trades.all().get(i % 2).client();
                futures.add(pool.submit(trade::newBuyer));
            }
            List<String> sessions = new ArrayList<>();
            for (Future<String> f : futures) {
                sessions.add(f.get(2, TimeUnit.MINUTES));
            }
            return sessions;
        } finally {
            pool.shutdownNow();
        }
    }

    // --- measurements ---

    /** One line for docs/faults.md: answers during the fault and overall, orders, units, times. */
    private static void report(String fault, List<Attempt> answers, SeckillInvariants.Snapshot settled, long faultAt,
                               long recovered, Map<String, ?> more) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("fault", fault);
        line.putAll(more);
        line.put("answersFromKillOn", Seckill.countBetween(answers, faultAt, Long.MAX_VALUE));
        line.put("answers", Seckill.count(answers));
        line.put("orders", settled.liveOrderTokens().size());
        line.put("unitsGivenBack", settled.redisGivenBack().size());
        line.put("stockLeft", settled.dbStock());
        line.put("secondsFromKillToInvariantsHolding", seconds(faultAt, recovered));
        System.out.println("CRASH-KILL " + line);
    }

    private static String seconds(long fromNanos, long toNanos) {
        return String.format("%.1f", (toNanos - fromNanos) / 1e9);
    }
}
