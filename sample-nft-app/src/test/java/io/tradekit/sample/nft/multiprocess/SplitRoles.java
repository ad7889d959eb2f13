package io.tradekit.sample.nft.multiprocess;

import io.tradekit.devservices.standalone.BootAppProcess;
import io.tradekit.devservices.standalone.SharedServersProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The sample split by role on the shared dev servers: one {@code goods} process, then two {@code trade}
 * processes started together, each a child JVM of the Boot jar; more trade processes on demand
 * ({@link #startTrade}, e.g. the replacement of one a crash test killed). {@link #close()} reaps them all
 * (the trade processes first, the servers last); so do the shutdown hooks of the children.
 */
public final class SplitRoles implements AutoCloseable {

    public static final List<String> TOPICS = List.of("nft-order-create", "nft-order-cancel");
    // Generous: on a busy 2-core machine a start took 100-150 s (three JVMs and the servers share the cores).
    private static final Duration START = Duration.ofSeconds(300);
    private static final String HEAP = "448m";

    /**
     * Test-only classes for the trade processes (never for goods): the directory they are loaded from
     * (Spring Boot's {@code loader.path}), and the JVM options and application arguments that use them.
     */
    public record TradeExtras(Path loaderPath, List<String> jvmOptions, List<String> args) {
    }

    private final List<AutoCloseable> started = new ArrayList<>();
    private final Path dir;
    private final List<String> serverOptions;
    private final TradeExtras extras;
    private Path jar;
    private List<String> args;
    private SharedServersProcess servers;
    private BootAppProcess goods;
    private BootAppProcess trade1;
    private BootAppProcess trade2;

    private SplitRoles(Path dir, List<String> serverOptions, TradeExtras extras) {
        this.dir = dir;
        this.serverOptions = List.copyOf(serverOptions);
        this.extras = extras;
    }

    /** Starts everything; on a failure what did start is reaped before the exception leaves. */
    public static SplitRoles start(Path dir, List<String> extraArgs) throws Exception {
        return start(dir, List.of(), extraArgs, null);
    }

    /**
     * As {@link #start(Path, List)}, the servers with more {@code DevServersMain} options
     * ({@code serverOptions}), every trade process (also those of {@link #startTrade}) with {@code extras}
     * ({@code null}: none).
     */
    public static SplitRoles start(Path dir, List<String> serverOptions, List<String> extraArgs, TradeExtras extras)
            throws Exception {
        SplitRoles roles = new SplitRoles(dir, serverOptions, extras);
        try {
            roles.startAll(extraArgs);
            return roles;
        } catch (Exception | Error e) {
            roles.close();
            throw e;
        }
    }

    public SharedServersProcess servers() {
        return servers;
    }

    public BootAppProcess goods() {
        return goods;
    }

    public BootAppProcess trade1() {
        return trade1;
    }

    public BootAppProcess trade2() {
        return trade2;
    }

    /**
     * One more trade process on the same servers, with the same arguments and extras, reaped by
     * {@link #close()} like the others; its log is {@code <name>.log} beside theirs.
     */
    public BootAppProcess startTrade(String name) throws Exception {
        BootAppProcess trade = trade(name);
        synchronized (started) {
            started.add(trade);
        }
        return trade;
    }

    private void startAll(List<String> extraArgs) throws Exception {
        jar = BootAppProcess.locateJar(Path.of("target"), "sample-nft-app");
        servers = SharedServersProcess.start(dir.resolve("servers.properties"), dir.resolve("servers.log"), TOPICS,
                Duration.ofMinutes(4), serverOptions);
        started.add(servers);
        args = new ArrayList<>(List.of(servers.importArgument(),
                // Setup cost only: the fewest password rounds the app accepts, and every buyer logs in from
                // 127.0.0.1 (the per-address login limit is meant for one client; per-account limits stay).
                "--sample.user.password-iterations=10000", "--sample.throttle.login.per-address.limit=1000000",
                "--logging.level.root=WARN", "--logging.level.io.tradekit.sample.nft.shared.role=INFO"));
        args.addAll(extraArgs);
        // The goods role first: it runs Flyway; the trade role expects the schema.
        goods = BootAppProcess.start("goods", jar, dir.resolve("goods.log"), HEAP, with(args, "goods"), START);
        started.add(goods);
        // Two threads of their own: the common pool may have one on a 2-core machine.
        ExecutorService starters = Executors.newFixedThreadPool(2);
        CompletableFuture<BootAppProcess> first = CompletableFuture.supplyAsync(() -> tradeAsync("trade-1"), starters);
        CompletableFuture<BootAppProcess> second = CompletableFuture.supplyAsync(() -> tradeAsync("trade-2"), starters);
        // Both awaited, and each started one registered for close(), before either failure leaves.
        CompletableFuture.allOf(first, second).exceptionally(failure -> null).join();
        starters.shutdown();
        for (CompletableFuture<BootAppProcess> future : List.of(first, second)) {
            if (!future.isCompletedExceptionally()) {
                started.add(future.join());
            }
        }
        trade1 = unwrap(first);
        trade2 = unwrap(second);
    }

    private static BootAppProcess unwrap(CompletableFuture<BootAppProcess> future) throws Exception {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private BootAppProcess tradeAsync(String name) {
        try {
            return trade(name);
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    private BootAppProcess trade(String name) throws Exception {
        Path log = dir.resolve(name + ".log");
        if (extras == null) {
            return BootAppProcess.start(name, jar, log, HEAP, with(args, "trade"), START);
        }
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + HEAP, "-XX:+UseSerialGC"));
        jvm.addAll(extras.jvmOptions());
        List<String> all = with(args, "trade");
        all.addAll(extras.args());
        return BootAppProcess.startWithLoaderPath(name, jar, extras.loaderPath(), log, jvm, all, START);
    }

    /**
     * The role's profile and a Dubbo port of its own: with {@code port: -1} Dubbo takes the first free port
     * from 20880 up, checked before it binds, so two processes starting together took the same one and the
     * second failed its export after it had answered healthy.
     */
    private static List<String> with(List<String> args, String profile) {
        List<String> all = new ArrayList<>(args);
        all.add("--spring.profiles.active=" + profile);
        try {
            all.add("--dubbo.protocol.port=" + BootAppProcess.freePort());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return all;
    }

    /** The trade processes, then goods, then the servers; every one even when another fails to stop. */
    @Override
    public void close() {
        synchronized (started) {
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).close();
                } catch (Exception e) {
                    System.err.println("could not stop " + started.get(i) + ": " + e);
                }
            }
            started.clear();
        }
    }
}
