package io.tradekit.core.degrade;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One {@link ServerBreaker} per server name ({@code redis}, {@code rocketmq}, a remote service), so
 * that every starter talking to the same server sees the same state: when the session store's calls
 * have opened the Redis breaker, the token filter's calls are refused too. The application holds
 * one instance (each starter registers it as a bean unless one exists); {@link #close()} stops the
 * one daemon thread that writes the periodic counts ({@link BreakerLog}).
 */
public final class ServerBreakers implements AutoCloseable {

    private final Function<String, BreakerSettings> settings;
    private final Map<String, ServerBreaker> breakers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "tradekit-breaker-report");
        thread.setDaemon(true);
        return thread;
    });

    /** @param settings the settings of a server by its name (e.g. defaults overridden per server) */
    public ServerBreakers(Function<String, BreakerSettings> settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** All servers with the same settings. */
    public ServerBreakers(BreakerSettings settings) {
        this(server -> settings);
    }

    /** The breaker of {@code server}, created at the first ask. */
    public ServerBreaker breaker(String server) {
        return breakers.computeIfAbsent(server, this::create);
    }

    /** The breakers created so far, by server name. */
    public Map<String, ServerBreaker> breakers() {
        return Map.copyOf(breakers);
    }

    private ServerBreaker create(String server) {
        BreakerSettings own = settings.apply(server);
        ServerBreaker breaker = new ServerBreaker(server, own);
        BreakerLog.attach(breaker);
        long every = Math.max(own.getReportInterval().toMillis(), 100);
        if (!reporter.isShutdown()) {
            reporter.scheduleAtFixedRate(() -> BreakerLog.report(breaker), every, every, TimeUnit.MILLISECONDS);
        }
        return breaker;
    }

    @Override
    public void close() {
        reporter.shutdownNow();
    }
}
