package io.tradekit.remote;

import io.tradekit.core.degrade.ServerBreakers;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * How {@link RemoteCallWrapper} and the Dubbo consumer filter log and measure, held in one
 * JVM-wide (per class loader) slot because the wrapper is static and the filter is created by Dubbo.
 *
 * <p>Without Spring the {@link #DEFAULTS} apply; the auto-configuration {@link #install installs}
 * settings built from {@code tradekit.remote-call.*} and {@link #uninstall uninstalls} them when its
 * context closes. Installs stack: uninstalling the current settings brings back the ones installed
 * before them, so a second context in the same JVM (a test's, a provider's) that starts and closes does
 * not leave the first one's calls without its metrics and breakers. Instances are immutable; reading
 * and replacing the current one is thread-safe.
 */
public final class RemoteCallSettings {

    /** The settings used when nothing was installed: 1 s slow threshold, 2048-character payloads, no metrics. */
    public static final RemoteCallSettings DEFAULTS = new RemoteCallSettings(Duration.ofSeconds(1), 2048, true,
            RemoteCallMetrics.NONE, true);

    private static volatile RemoteCallSettings current = DEFAULTS;
    /** Every installed, not yet uninstalled settings, the latest first; guarded by the class. */
    private static final Deque<RemoteCallSettings> INSTALLED = new ArrayDeque<>();

    private final Duration slowThreshold;
    private final int maxPayloadLength;
    private final boolean logPayload;
    private final RemoteCallMetrics metrics;
    private final boolean dubboFilterEnabled;
    private final RemoteCallLogger logger;
    private final ServerBreakers breakers;
    private final Predicate<Throwable> serverFault;

    /**
     * Creates settings.
     *
     * @param slowThreshold      calls longer than this are logged at WARN, required
     * @param maxPayloadLength   the cap of request and response JSON in a log line, at least 1
     * @param logPayload         whether log lines contain the request and response JSON
     * @param metrics            where outcomes are recorded, required ({@link RemoteCallMetrics#NONE} for nowhere)
     * @param dubboFilterEnabled whether the Dubbo consumer filter logs calls and sends the trace id
     */
    public RemoteCallSettings(Duration slowThreshold, int maxPayloadLength, boolean logPayload,
            RemoteCallMetrics metrics, boolean dubboFilterEnabled) {
        this(slowThreshold, maxPayloadLength, logPayload, metrics, dubboFilterEnabled, null, RemoteFaults::isServerFault);
    }

    /**
     * Creates settings whose calls naming a server go through that server's breaker.
     *
     * @param breakers    the application's breakers, {@code null} for none (every call runs)
     * @param serverFault which failures of a call mean the remote server is down or unreachable, required
     * @see #RemoteCallSettings(Duration, int, boolean, RemoteCallMetrics, boolean)
     */
    public RemoteCallSettings(Duration slowThreshold, int maxPayloadLength, boolean logPayload,
            RemoteCallMetrics metrics, boolean dubboFilterEnabled, ServerBreakers breakers,
            Predicate<Throwable> serverFault) {
        this.breakers = breakers;
        this.serverFault = Objects.requireNonNull(serverFault, "serverFault must not be null");
        this.slowThreshold = Objects.requireNonNull(slowThreshold, "slowThreshold must not be null");
        this.maxPayloadLength = maxPayloadLength;
        this.logPayload = logPayload;
        this.metrics = Objects.requireNonNull(metrics, "metrics must not be null");
        this.dubboFilterEnabled = dubboFilterEnabled;
        this.logger = new RemoteCallLogger(slowThreshold, maxPayloadLength, logPayload);
    }

    /**
     * Returns the settings in use.
     *
     * @return the last installed settings, or {@link #DEFAULTS}
     */
    public static RemoteCallSettings current() {
        return current;
    }

    /**
     * Makes these settings the current ones.
     *
     * @param settings the settings, required
     */
    public static synchronized void install(RemoteCallSettings settings) {
        INSTALLED.push(Objects.requireNonNull(settings, "settings must not be null"));
        current = settings;
    }

    /**
     * Removes {@code settings}: if they were the current ones, the settings installed before them (still
     * installed) become current, else {@link #DEFAULTS}; a later install stays current.
     *
     * @param settings the settings installed earlier
     */
    public static synchronized void uninstall(RemoteCallSettings settings) {
        INSTALLED.removeIf(installed -> installed == settings);
        RemoteCallSettings latest = INSTALLED.peek();
        current = latest != null ? latest : DEFAULTS;
    }

    public Duration getSlowThreshold() {
        return slowThreshold;
    }

    public int getMaxPayloadLength() {
        return maxPayloadLength;
    }

    public boolean isLogPayload() {
        return logPayload;
    }

    public RemoteCallMetrics getMetrics() {
        return metrics;
    }

    public boolean isDubboFilterEnabled() {
        return dubboFilterEnabled;
    }

    /** The breakers of {@link RemoteCallWrapper#call(String, java.util.function.Function, Object, String)}, or null. */
    public ServerBreakers getBreakers() {
        return breakers;
    }

    /** Which failures count against a remote server's breaker. */
    public Predicate<Throwable> getServerFault() {
        return serverFault;
    }

    /**
     * Returns the line writer built from these settings.
     *
     * @return the logger
     */
    public RemoteCallLogger getLogger() {
        return logger;
    }
}
