package io.tradekit.devservices.redis;

import io.tradekit.devservices.DevServiceStartException;
import io.tradekit.devservices.support.FreePorts;
import io.tradekit.devservices.support.TempDirs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real {@code redis-server} process on 127.0.0.1, started for a dev run or a test.
 *
 * <p>Started by {@link #start(RedisSettings)} (usually through
 * {@link io.tradekit.devservices.DevServices#redis()}, which keeps one per JVM). Nothing is
 * persisted unless {@link RedisSettings#appendOnly()} asks for an append-only file: no RDB, no AOF, a
 * temp working directory removed on {@link #close()}. The server
 * counts as started only when a PING on its port is answered by the process we launched
 * (checked by its pid), so a stranger on the same port is never mistaken for it.
 */
public final class RedisDevService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisDevService.class);
    private static final int PORT_RACE_ATTEMPTS = 3;

    /** The append-only options: fsync once a second, Redis' default trade-off between loss and speed. */
    private static final List<String> APPEND_ONLY = List.of("--appendonly", "yes", "--appendfsync", "everysec");

    /** Replaced by {@link #restart(Duration)}; guarded by this object's monitor for writers. */
    private volatile Process process;
    private final int port;
    private final Path workDir;
    private final Path executable;
    private final Duration startedIn;
    private final RedisSettings settings;

    private RedisDevService(Process process, int port, Path workDir, Path executable, Duration startedIn,
                            RedisSettings settings) {
        this.process = process;
        this.port = port;
        this.workDir = workDir;
        this.executable = executable;
        this.startedIn = startedIn;
        this.settings = settings;
    }

    /**
     * Starts a server as {@code settings} say.
     *
     * @throws DevServiceStartException when no binary runs, the fixed port is taken, or the
     *                                  server does not answer in time; the message says what to do
     */
    public static RedisDevService start(RedisSettings settings) {
        return start(settings, new RedisExecutableResolver());
    }

    static RedisDevService start(RedisSettings settings, RedisExecutableResolver resolver) {
        long began = System.nanoTime();
        Path workDir = TempDirs.create("redis");
        try {
            Path executable = resolver.resolve(settings.executable(), workDir);
            // A free port can be taken between our probe and redis' bind: retry on a fresh one.
            int attempts = settings.port() == 0 ? PORT_RACE_ATTEMPTS : 1;
            for (int attempt = 1; ; attempt++) {
                int port = settings.port() == 0 ? FreePorts.next() : requireFree(settings.port());
                RedisProcess launched = RedisProcess.launch(executable, port, workDir, options(settings, workDir));
                String failure = launched.awaitReady(settings.startTimeout());
                if (failure == null) {
                    Duration startedIn = Duration.ofNanos(System.nanoTime() - began);
                    log.info("Redis dev service ({}) listening on {}:{}, started in {} ms",
                            executable, FreePorts.LOOPBACK, port, startedIn.toMillis());
                    return new RedisDevService(launched.process(), port, workDir, executable, startedIn, settings);
                }
                launched.destroy();
                boolean portLost = failure.contains("Address already in use");
                if (!portLost || attempt >= attempts) {
                    throw new DevServiceStartException(describeFailure(port, settings, failure, launched.recentOutput()));
                }
            }
        } catch (RuntimeException e) {
            TempDirs.deleteQuietly(workDir);
            throw e;
        }
    }

    /** The pid file lets a launcher's last will find a restarted server; AOF options when asked for. */
    private static List<String> options(RedisSettings settings, Path workDir) {
        List<String> options = new java.util.ArrayList<>(List.of("--pidfile", pidFile(workDir).toString()));
        if (settings.appendOnly()) {
            options.addAll(APPEND_ONLY);
        }
        return options;
    }

    private static Path pidFile(Path workDir) {
        return workDir.resolve("redis-server.pid");
    }

    private static int requireFree(int port) {
        if (!FreePorts.isFree(port)) {
            throw new DevServiceStartException("Redis dev service cannot start: port " + port + " on "
                    + FreePorts.LOOPBACK + " is already in use (tradekit.dev-services.redis.port=" + port
                    + "). Set tradekit.dev-services.redis.port=0 to use a free port, or stop the process that holds it.");
        }
        return port;
    }

    private static String describeFailure(int port, RedisSettings settings, String failure, List<String> output) {
        String advice = failure.contains("Address already in use")
                ? "Port " + port + " was taken while starting. Set tradekit.dev-services.redis.port=0 to use a free port."
                : "Check the output above, or set tradekit.dev-services.redis.executable to another redis-server.";
        return "Redis dev service cannot start on " + FreePorts.LOOPBACK + ":" + port + ": " + failure + ". " + advice
                + (output.isEmpty() ? "" : " Last output of redis-server: " + String.join(" | ", output));
    }

    public String host() {
        return FreePorts.LOOPBACK;
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:port}, the form Redisson's single-server address takes. */
    public String uri() {
        return "redis://" + host() + ":" + port;
    }

    /** The binary that runs (embedded, on PATH, or configured). */
    public Path executable() {
        return executable;
    }

    /** Wall time from the start request to the first answered PING. */
    public Duration startedIn() {
        return startedIn;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** The current server process's pid (a {@link #restart(Duration)} changes it). */
    public long pid() {
        return process.pid();
    }

    /** Whether the server keeps an append-only file in {@link #workDir()}. */
    public boolean appendOnly() {
        return settings.appendOnly();
    }

    /** The server's working directory: its append-only files, kept across {@link #restart(Duration)}. */
    public Path workDir() {
        return workDir;
    }

    /**
     * The file redis-server writes its pid to: what a process that outlives its launcher reads to take a
     * restarted server down with it.
     */
    public Path pidFile() {
        return pidFile(workDir);
    }

    /** {@code kill -9} of the server, as a crash; returns once it is gone. Nothing is flushed. */
    public synchronized void kill() {
        Process current = process;
        current.destroyForcibly();
        try {
            if (!current.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("redis-server (pid " + current.pid() + ") survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing redis-server " + current.pid(), e);
        }
    }

    /**
     * Starts the server again on the same port and working directory, killing it first if it still runs;
     * with an append-only file it loads it before answering. Returns once the new process answers PING.
     *
     * @throws DevServiceStartException when it does not answer within {@code timeout} (e.g. the port was
     *                                  taken meanwhile)
     */
    public synchronized void restart(Duration timeout) {
        if (process.isAlive()) {
            kill();
        }
        RedisProcess launched = RedisProcess.launch(executable, port, workDir, options(settings, workDir));
        long began = System.nanoTime();
        String failure = launched.awaitReady(timeout);
        if (failure == null) {
            failure = launched.awaitLoaded(timeout.minusNanos(System.nanoTime() - began));
        }
        if (failure != null) {
            launched.destroy();
            throw new DevServiceStartException(describeFailure(port, settings, failure, launched.recentOutput()));
        }
        process = launched.process();
        log.info("Redis dev service restarted on {}:{} (pid {}, append-only file {})", FreePorts.LOOPBACK, port,
                process.pid(), settings.appendOnly() ? "loaded" : "off");
    }

    /** Stops the server (SIGTERM, then SIGKILL after 5 s) and removes its working directory. */
    @Override
    public synchronized void close() {
        Process process = this.process;
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        TempDirs.deleteQuietly(workDir);
    }

    @Override
    public String toString() {
        return "RedisDevService[" + uri() + ", " + (isRunning() ? "running" : "stopped") + "]";
    }
}
