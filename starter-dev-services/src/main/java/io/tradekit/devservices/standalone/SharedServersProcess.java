package io.tradekit.devservices.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The shared dev servers ({@link DevServersMain}) as a child JVM started from the caller's own
 * classpath: Redis, a RocketMQ name server and two brokers (JVMs of their own), ZooKeeper and an H2
 * TCP server that several application processes use together, through the address file the apps
 * import ({@code --spring.config.import=file:<path>}). For tests and load drivers that start
 * application processes of their own; the child is stopped (SIGTERM, then killed) on {@link #close()}
 * and at this JVM's exit, and stops by itself when this JVM dies (its standard input, a pipe from
 * here, ends), so it never outlives the caller.
 *
 * <p>For crash tests: {@link #brokerPids()}, {@link #killBroker(String)} and
 * {@link #restartBroker(String, Duration)} (the broker comes back on its port and store);
 * {@link #redisPid()}, {@link #killRedis()} and {@link #restartRedis(Duration)} (Redis comes back on its
 * port and working directory, loading its append-only file when started with {@code --redis-aof true}).
 */
public final class SharedServersProcess implements AutoCloseable {

    private static final String SHARED = DevServersMain.SHARED;

    private final Process process;
    private final Path file;
    private final Path log;
    private volatile Properties addresses;

    private SharedServersProcess(Process process, Path file, Path log, Properties addresses) {
        this.process = process;
        this.file = file;
        this.log = log;
        this.addresses = addresses;
    }

    /** Starts the launcher and waits (at most {@code timeout}) for its address file. */
    public static SharedServersProcess start(Path file, Path log, List<String> topics, Duration timeout)
            throws IOException, InterruptedException {
        return start(file, log, topics, timeout, List.of());
    }

    /**
     * As {@link #start(Path, Path, List, Duration)}, with more {@link DevServersMain} options
     * ({@code --transaction-check-interval 1s} ...) after the defaults, so they win.
     */
    public static SharedServersProcess start(Path file, Path log, List<String> topics, Duration timeout,
                                             List<String> moreOptions) throws IOException, InterruptedException {
        Files.deleteIfExists(file);
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> args = new ArrayList<>(List.of("--file", file.toAbsolutePath().toString(),
                "--topics", String.join(",", topics),
                // The broker's production check-back timeout: under load a 1 s one turns slow commits into check-backs.
                "--transaction-timeout", "6s",
                // Our pipe to its standard input ends when this JVM dies, however it dies: so does the launcher.
                "--exit-on-stdin-eof", "true"));
        args.addAll(moreOptions);
        Process process = new ProcessBuilder(ChildJvm.command(List.of("-Xmx768m"), DevServersMain.class, args))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process)));
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!Files.exists(file)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the shared dev servers exited with " + process.exitValue() + "; see " + log);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the shared dev servers wrote no " + file + " within " + timeout + "; see " + log);
                }
                Thread.sleep(200);
            }
            return new SharedServersProcess(process, file.toAbsolutePath(), log, load(file));
        } catch (IOException | InterruptedException | RuntimeException e) {
            stop(process);
            throw e;
        }
    }

    /** The app argument that makes a sample process use these servers (and start none of its own). */
    public String importArgument() {
        return "--spring.config.import=file:" + file;
    }

    public String redisUri() {
        return addresses.getProperty("spring.data.redis.url");
    }

    public String jdbcUrl() {
        return addresses.getProperty("spring.datasource.url");
    }

    /** {@code 127.0.0.1:port} of the name server, the value of {@code rocketmq.name-server}. */
    public String nameServerAddress() {
        return addresses.getProperty("rocketmq.name-server");
    }

    /** Every address the launcher wrote (the properties the apps import), as of its last change. */
    public Properties addresses() {
        Properties copy = new Properties();
        copy.putAll(addresses);
        return copy;
    }

    public Path file() {
        return file;
    }

    /** The launcher's pid. */
    public long pid() {
        return process.pid();
    }

    public long nameServerPid() {
        return Long.parseLong(addresses.getProperty(SHARED + "name-server.pid"));
    }

    /** The brokers' names ({@code broker-a}, {@code broker-b}). */
    public List<String> brokerNames() {
        return Arrays.stream(addresses.getProperty(SHARED + "brokers").split(",")).toList();
    }

    /** Each broker's current pid, by name (a restarted broker has a new one). */
    public Map<String, Long> brokerPids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String name : brokerNames()) {
            pids.put(name, Long.parseLong(broker(name, "pid")));
        }
        return pids;
    }

    /** {@code 127.0.0.1:port} of broker {@code name}; the same after a restart. */
    public String brokerAddress(String name) {
        return broker(name, "address");
    }

    /** The store of broker {@code name}; a restart reuses it. */
    public Path brokerStoreDir(String name) {
        return Path.of(broker(name, "store-dir"));
    }

    /**
     * The pids of every server process: launcher (ZooKeeper, H2), name server, brokers, Redis. What to
     * sum when measuring the servers' CPU.
     */
    public List<Long> serverPids() {
        List<Long> pids = new ArrayList<>(List.of(pid(), nameServerPid()));
        pids.addAll(brokerPids().values());
        for (String redis : addresses.getProperty(SHARED + "redis.pids", "").split(",")) {
            if (!redis.isBlank()) {
                pids.add(Long.parseLong(redis.trim()));
            }
        }
        return pids;
    }

    /** {@code kill -9} of broker {@code name}, as a crash; returns once it is gone. */
    public void killBroker(String name) throws InterruptedException {
        Optional<ProcessHandle> broker = ProcessHandle.of(brokerPids().get(name));
        if (broker.isEmpty()) {
            return;
        }
        broker.get().destroyForcibly();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (broker.get().isAlive()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("broker " + name + " (pid " + broker.get().pid() + ") survived SIGKILL");
            }
            Thread.sleep(50);
        }
    }

    /**
     * Starts broker {@code name} again on its port and store (killing it first if it still runs), and
     * returns once it serves its topics again; messages it stored before are recovered from its store.
     * Clients reconnect by themselves.
     *
     * @throws IllegalStateException when the launcher reports a failure or does not answer in {@code timeout}
     */
    public synchronized void restartBroker(String name, Duration timeout) throws IOException, InterruptedException {
        if (!brokerNames().contains(name)) {
            throw new IllegalArgumentException("no broker " + name + "; brokers: " + brokerNames());
        }
        control(DevServersMain.RESTART_BROKER + " " + name, "broker " + name, timeout);
    }

    /** The redis-server's current pid (one Redis, not a cluster; a restart changes it). */
    public long redisPid() {
        String pids = addresses.getProperty(SHARED + "redis.pids", "");
        if (pids.isBlank() || pids.contains(",")) {
            throw new IllegalStateException("not one Redis: redis.pids=" + pids);
        }
        return Long.parseLong(pids.trim());
    }

    /** {@code kill -9} of the one Redis, as a crash; returns once it is gone. */
    public void killRedis() throws InterruptedException {
        Optional<ProcessHandle> redis = ProcessHandle.of(redisPid());
        if (redis.isEmpty()) {
            return;
        }
        redis.get().destroyForcibly();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (redis.get().isAlive()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("redis-server (pid " + redis.get().pid() + ") survived SIGKILL");
            }
            Thread.sleep(20);
        }
    }

    /**
     * Starts the one Redis again on its port and working directory (killing it first if it still runs),
     * and returns once it has loaded its data and answers; with {@code --redis-aof true} it holds what its
     * append-only file held (everything but about the last second before a kill). Clients reconnect by
     * themselves, to the same address.
     *
     * @throws IllegalStateException when the launcher reports a failure or does not answer in {@code timeout}
     */
    public synchronized void restartRedis(Duration timeout) throws IOException, InterruptedException {
        control(DevServersMain.RESTART_REDIS, "Redis", timeout);
    }

    /** Sends one control command and waits for the rewritten file that reports its result. */
    private void control(String command, String what, Duration timeout) throws IOException, InterruptedException {
        int before = generation(addresses);
        OutputStream control = process.getOutputStream();
        control.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        control.flush();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Properties now;
            try {
                now = load(file);
            } catch (NoSuchFileException e) {
                now = null; // being replaced, or the launcher stopped: decided below
            }
            if (now != null && generation(now) > before) {
                addresses = now;
                String result = now.getProperty(SHARED + "control-result");
                if (!"ok".equals(result)) {
                    throw new IllegalStateException("restart of " + what + " failed: " + result + "; see " + log);
                }
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the shared dev servers exited with " + process.exitValue() + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " not restarted within " + timeout + "; see " + log);
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        stop(process);
    }

    private String broker(String name, String property) {
        String value = addresses.getProperty(SHARED + "broker." + name + "." + property);
        if (value == null) {
            throw new IllegalArgumentException("no broker " + name + "; brokers: " + brokerNames());
        }
        return value;
    }

    private static int generation(Properties properties) {
        return Integer.parseInt(properties.getProperty(SHARED + "generation", "0"));
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }

    /** SIGTERM: the launcher stops every server and removes its temp directories and the file. */
    private static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        // Through the handle: Process.destroy() would also close the launcher's standard input (its "parent gone").
        process.toHandle().destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
