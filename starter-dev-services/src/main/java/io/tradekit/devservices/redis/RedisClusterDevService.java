package io.tradekit.devservices.redis;

import io.tradekit.devservices.DevServiceStartException;
import io.tradekit.devservices.support.FreePorts;
import io.tradekit.devservices.support.TempDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real three-master Redis Cluster on 127.0.0.1: three {@code redis-server --cluster-enabled yes}
 * processes, each on a free port with its own temp directory, joined by
 * {@code redis-cli --cluster create} (Debian's {@code redis-tools}) and ready once every node
 * reports {@code cluster_state:ok} and knows the other two.
 *
 * <p>For tests that must prove a starter works on a cluster (hash tags, pub/sub across shards). The
 * server binary is the one {@link RedisDevService} uses. Nothing is persisted; {@link #close()} (also
 * run at JVM exit) stops every node and removes the directories.
 *
 * <pre>{@code
 * try (RedisClusterDevService cluster = RedisClusterDevService.start()) {
 *     properties.put("spring.data.redis.cluster.nodes", cluster.nodesProperty());
 * }
 * }</pre>
 */
public final class RedisClusterDevService implements AutoCloseable {

    /** The smallest cluster redis-cli creates without replicas. */
    public static final int MASTERS = 3;

    private static final Logger log = LoggerFactory.getLogger(RedisClusterDevService.class);
    /** Each node also binds its cluster-bus port, its data port + 10000 (fixed offset before Redis 7). */
    private static final int BUS_PORT_OFFSET = 10_000;
    private static final int PORT_RACE_ATTEMPTS = 3;
    private static final Duration FORM_TIMEOUT = Duration.ofSeconds(30);

    private final List<RedisProcess> nodes;
    private final List<Integer> ports;
    private final Path workDir;
    private final Path executable;
    private final Duration startedIn;
    private final Thread jvmExitHook;
    private boolean closed;

    private RedisClusterDevService(List<RedisProcess> nodes, List<Integer> ports, Path workDir, Path executable,
                                   Duration startedIn) {
        this.nodes = List.copyOf(nodes);
        this.ports = List.copyOf(ports);
        this.workDir = workDir;
        this.executable = executable;
        this.startedIn = startedIn;
        // A test that forgets close(), or a JVM killed by Ctrl-C: no redis-server is left behind.
        this.jvmExitHook = new Thread(this::stopNodes, "tradekit-redis-cluster-stop");
        Runtime.getRuntime().addShutdownHook(jvmExitHook);
    }

    /**
     * Starts a cluster with the embedded redis-server, else the one on PATH, 10 s per node to start.
     *
     * @throws DevServiceStartException when no redis-server or no redis-cli runs, or the cluster does not
     *                                  form in time; the message says what to install or set
     */
    public static RedisClusterDevService start() {
        return start(RedisSettings.DEFAULTS);
    }

    /**
     * Starts a cluster with the executable and start timeout of {@code settings}.
     *
     * @param settings its port must be 0: the nodes take free ports
     */
    public static RedisClusterDevService start(RedisSettings settings) {
        return start(settings, new RedisExecutableResolver());
    }

    static RedisClusterDevService start(RedisSettings settings, RedisExecutableResolver resolver) {
        if (settings.port() != 0) {
            throw new IllegalArgumentException("A Redis Cluster dev service takes " + MASTERS
                    + " free ports; its settings' port must be 0, was " + settings.port());
        }
        long began = System.nanoTime();
        Path cli = RedisClusterCli.locate(resolver);
        Path workDir = TempDirs.create("redis-cluster");
        List<RedisProcess> nodes = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        try {
            Path executable = resolver.resolve(settings.executable(), workDir);
            for (int i = 0; i < MASTERS; i++) {
                RedisProcess node = launchNode(executable, workDir, settings.startTimeout());
                nodes.add(node);
                ports.add(node.port());
            }
            RedisClusterCli.create(cli, ports, workDir, FORM_TIMEOUT);
            awaitClusterOk(nodes, FORM_TIMEOUT);
            Duration startedIn = Duration.ofNanos(System.nanoTime() - began);
            log.info("Redis Cluster dev service ({} masters, {}) on {}, formed in {} ms", MASTERS, executable,
                    nodesOf(ports), startedIn.toMillis());
            return new RedisClusterDevService(nodes, ports, workDir, executable, startedIn);
        } catch (RuntimeException e) {
            nodes.forEach(RedisProcess::destroy);
            TempDirs.deleteQuietly(workDir);
            throw e;
        }
    }

    private static RedisProcess launchNode(Path executable, Path workDir, Duration startTimeout) {
        for (int attempt = 1; ; attempt++) {
            // Both the data port and its bus port must be free: the companion search checks the pair.
            int port = FreePorts.nextWithCompanion(BUS_PORT_OFFSET) - BUS_PORT_OFFSET;
            Path nodeDir = workDir.resolve("node-" + port);
            try {
                Files.createDirectories(nodeDir);
            } catch (IOException e) {
                throw new DevServiceStartException("Redis Cluster dev service cannot create " + nodeDir, e);
            }
            RedisProcess node = RedisProcess.launch(executable, port, nodeDir, List.of(
                    "--cluster-enabled", "yes",
                    "--cluster-config-file", nodeDir.resolve("nodes.conf").toString(),
                    "--cluster-node-timeout", "5000"));
            String failure = node.awaitReady(startTimeout);
            if (failure == null) {
                return node;
            }
            node.destroy();
            if (!failure.contains("Address already in use") || attempt >= PORT_RACE_ATTEMPTS) {
                throw new DevServiceStartException("Redis Cluster dev service cannot start a node on "
                        + FreePorts.LOOPBACK + ":" + port + ": " + failure
                        + (node.recentOutput().isEmpty() ? "" : ". Last output of redis-server: "
                        + String.join(" | ", node.recentOutput())));
            }
        }
    }

    /* Bounded: a node that never sees the others' slots fails the start instead of hanging the tests. */
    private static void awaitClusterOk(List<RedisProcess> nodes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (RedisProcess node : nodes) {
            String last = "no answer";
            while (true) {
                try {
                    last = RedisProcess.command(node.port(), "CLUSTER INFO");
                    if (last.contains("cluster_state:ok") && last.contains("cluster_known_nodes:" + MASTERS)) {
                        break;
                    }
                } catch (IOException e) {
                    last = e.toString();
                }
                if (!node.process().isAlive() || System.nanoTime() - deadline > 0) {
                    throw new DevServiceStartException("Redis Cluster dev service did not form within "
                            + timeout.toSeconds() + " s: node " + FreePorts.LOOPBACK + ":" + node.port()
                            + (node.process().isAlive() ? "" : " exited") + ", last CLUSTER INFO: "
                            + last.replace("\r\n", " ").trim());
                }
                sleepBriefly();
            }
        }
    }

    private static String nodesOf(List<Integer> ports) {
        return String.join(",", ports.stream().map(p -> FreePorts.LOOPBACK + ":" + p).toList());
    }

    /** The directory of the nodes' files (removed by {@link #close()}). */
    public Path workDir() {
        return workDir;
    }

    /** The masters as {@code 127.0.0.1:port}, in start order. */
    public List<String> nodes() {
        return ports.stream().map(p -> FreePorts.LOOPBACK + ":" + p).toList();
    }

    /** The value for {@code spring.data.redis.cluster.nodes}: {@code 127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3}. */
    public String nodesProperty() {
        return nodesOf(ports);
    }

    /** The masters as {@code redis://127.0.0.1:port}, the form Redisson's cluster addresses take. */
    public List<String> uris() {
        return ports.stream().map(p -> "redis://" + FreePorts.LOOPBACK + ":" + p).toList();
    }

    /** The data ports of the masters, in start order. */
    public List<Integer> ports() {
        return ports;
    }

    /** The redis-server binary every node runs. */
    public Path executable() {
        return executable;
    }

    /** Wall time from the start request until every node reported {@code cluster_state:ok}. */
    public Duration startedIn() {
        return startedIn;
    }

    /** Whether every node still runs. */
    public boolean isRunning() {
        return nodes.stream().allMatch(n -> n.process().isAlive());
    }

    /** Stops every node (SIGTERM, then SIGKILL after 5 s) and removes their directories; idempotent. */
    @Override
    public void close() {
        stopNodes();
        try {
            Runtime.getRuntime().removeShutdownHook(jvmExitHook);
        } catch (IllegalStateException jvmAlreadyExiting) {
            // Called from another shutdown hook: ours runs too and finds nothing left to do.
        }
    }

    private synchronized void stopNodes() {
        if (closed) {
            return;
        }
        closed = true;
        nodes.forEach(n -> n.process().destroy());
        for (RedisProcess node : nodes) {
            try {
                if (!node.process().waitFor(5, TimeUnit.SECONDS)) {
                    node.destroy();
                }
            } catch (InterruptedException e) {
                node.destroy();
                Thread.currentThread().interrupt();
            }
        }
        TempDirs.deleteQuietly(workDir);
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevServiceStartException("Interrupted while waiting for the Redis Cluster to form", e);
        }
    }

    @Override
    public String toString() {
        return "RedisClusterDevService[" + nodesProperty() + ", " + (isRunning() ? "running" : "stopped") + "]";
    }
}
