package io.tradekit.sample.nft.crash;

import io.tradekit.devservices.standalone.BootAppProcess;
import io.tradekit.sample.nft.multiprocess.SplitRoles;
import io.tradekit.sample.nft.order.TradingClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The trade processes of a crash test, the killed ones included: which are alive, which one has a pid, the
 * replacement of a killed one (started in the background on the same {@link SplitRoles}), and what their
 * meters say.
 */
final class TradeProcesses {

    private static final Duration REPLACEMENT = Duration.ofMinutes(5);

    /** A trade process and its client. */
    record Trade(String name, BootAppProcess process, TradingClient client) {
        static Trade of(BootAppProcess process) {
            return new Trade(process.name(), process, new TradingClient(process.httpPort()));
        }
    }

    private final SplitRoles roles;
    private final List<Trade> all = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<Trade> replacement;

    TradeProcesses(SplitRoles roles) {
        this.roles = roles;
        all.add(Trade.of(roles.trade1()));
        all.add(Trade.of(roles.trade2()));
    }

    /** Every trade process started, dead ones included, in start order. */
    List<Trade> all() {
        return all;
    }

    /** The live ones, in start order. */
    List<Trade> live() {
        return all.stream().filter(t -> t.process().isAlive()).toList();
    }

    static List<Seckill.Target> targets(List<Trade> trades) {
        return trades.stream().map(t -> new Seckill.Target(t.name(), t.client())).toList();
    }

    Trade byPid(long pid) {
        return all.stream().filter(t -> t.process().pid() == pid).findFirst()
                .orElseThrow(() -> new AssertionError("no trade process has pid " + pid + ": " + all));
    }

    /** Starts another trade process in the background; {@link #awaitTwoLive} waits for it. */
    void replace(String name) {
        replacement = CompletableFuture.supplyAsync(() -> {
            try {
                Trade trade = Trade.of(roles.startTrade(name));
                all.add(trade);
                return trade;
            } catch (Exception e) {
                throw new IllegalStateException("replacement " + name + " did not start", e);
            }
        });
    }

    /** Waits for a replacement being started (at most 5 minutes); then at least two must be alive. */
    List<Trade> awaitTwoLive() throws Exception {
        CompletableFuture<Trade> starting = replacement;
        if (starting != null) {
            starting.get(REPLACEMENT.toSeconds(), TimeUnit.SECONDS);
        }
        List<Trade> live = live();
        if (live.size() < 2) {
            throw new AssertionError("fewer than two live trade processes: " + all);
        }
        return live;
    }

    /** Lets a replacement being started finish, so that closing the roles stops it too. */
    void settle() {
        CompletableFuture<Trade> starting = replacement;
        if (starting == null) {
            return;
        }
        try {
            starting.handle((trade, failure) -> null).get(REPLACEMENT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("replacement trade process: " + e);
        }
    }

    /** Check-backs of a scene that these processes answered so far (Prometheus counter, summed). */
    static double checkBacks(List<Trade> trades, String adminSession, String scene, String answer) {
        double sum = 0;
        for (Trade trade : trades) {
            sum += Meters.counter(trade.process().httpPort(), adminSession, "tradekit_txmsg_check_total",
                    Map.of("scene", scene, "answer", answer));
        }
        return sum;
    }
}
