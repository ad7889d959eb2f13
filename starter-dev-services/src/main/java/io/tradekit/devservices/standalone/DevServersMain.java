package io.tradekit.devservices.standalone;

import io.tradekit.devservices.DevServices;
import io.tradekit.devservices.redis.RedisClusterDevService;
import io.tradekit.devservices.redis.RedisDevService;
import io.tradekit.devservices.redis.RedisSettings;
import io.tradekit.devservices.zookeeper.ZooKeeperDevService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The dev servers several application processes share, as a process of their own: Redis (a
 * {@code redis-server} child process, or with {@code --redis cluster} a three-master Redis Cluster of
 * three), a RocketMQ name server and two master brokers ({@code broker-a},
 * {@code broker-b}, each a child JVM of the official Apache classes, every topic on both), ZooKeeper and
 * an H2 TCP server (both in this JVM), all on 127.0.0.1 free ports. Their addresses go to a properties
 * file that each application imports ({@code --spring.config.import=file:<path>}); the file also sets
 * {@code tradekit.dev-services.shared-servers=true}, so the application starts no servers of its own.
 * Ctrl-C or {@code SIGTERM} stops the brokers, then the name server (each gracefully, bounded, then
 * killed), then the rest, and removes every temp directory and the file. If this process is killed
 * ({@code kill -9}), its child JVMs notice the end of their standard input and exit within seconds,
 * the name server taking Redis with it, and remove the RocketMQ stores and the file.
 *
 * <p>Besides the application properties, the file describes the processes, for crash tests
 * ({@link SharedServersProcess} reads them):
 * <pre>
 * tradekit.dev-services.shared.generation              1, then +1 on every control command
 * tradekit.dev-services.shared.control-result          ok | error: ... (of the last command)
 * tradekit.dev-services.shared.launcher.pid            this process
 * tradekit.dev-services.shared.name-server.pid / .address / .dir
 * tradekit.dev-services.shared.brokers                 broker-a,broker-b
 * tradekit.dev-services.shared.broker.&lt;name&gt;.pid / .port / .address / .store-dir
 * tradekit.dev-services.shared.redis.pids              the redis-server process(es); a restart changes it
 * tradekit.dev-services.shared.redis.aof               true with --redis-aof true
 * tradekit.dev-services.shared.redis.cluster-nodes     with --redis cluster: the masters (also spring.data.redis.cluster.nodes)
 * </pre>
 *
 * <p>Control commands, one a line on standard input (a terminal, or {@link SharedServersProcess}):
 * {@code restart-broker <name>} starts that broker again on its port and store (killing it first if
 * it still runs), then rewrites the file with its new pid and the next generation. {@code restart-redis}
 * does the same for the one Redis (not a cluster): a new {@code redis-server} on the same port and
 * working directory, which with {@code --redis-aof true} loads its append-only file first.
 *
 * <pre>
 * mvn -pl starter-dev-services test-compile exec:java -Dexec.args="--file /tmp/servers.properties --topics a,b"
 * java -cp benchmarks/target/benchmarks.jar io.tradekit.devservices.standalone.DevServersMain [options]
 * </pre>
 */
public final class DevServersMain {

    /** Printed on stdout once the file is written: what scripts wait for. */
    public static final String READY = "tradekit dev servers ready: ";
    /** The control command that restarts a broker on its store. */
    static final String RESTART_BROKER = "restart-broker";
    /** The control command that restarts the one Redis on its port and working directory. */
    static final String RESTART_REDIS = "restart-redis";
    /** How long a restarted Redis may take to load its append-only file and answer. */
    private static final Duration REDIS_RESTART_TIMEOUT = Duration.ofSeconds(30);
    static final String SHARED = "tradekit.dev-services.shared.";

    /** For each RocketMQ JVM: generous, since three JVMs start at once on what may be a 2-core machine. */
    private static final Duration SERVER_START_TIMEOUT = Duration.ofMinutes(3);
    private static final Object LOCK = new Object();
    private static int generation;
    private static volatile boolean stopping;

    private DevServersMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        DevServersOptions options;
        try {
            options = DevServersOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        H2TcpServer h2 = null;
        RocketMqProcesses rocketMq = null;
        Servers servers;
        try {
            h2 = H2TcpServer.start();
            RedisDevService standalone = options.redisCluster() ? null
                    : DevServices.redis(RedisSettings.DEFAULTS.withAppendOnly(options.redisAof()));
            Map<String, String> redis = options.redisCluster() ? clusterProperties(DevServices.redisCluster())
                    : standaloneProperties(standalone);
            // Only redis-server runs as our child yet: these are the processes to take down if we die.
            List<ProcessHandle> redisProcesses = ProcessHandle.current().children().toList();
            List<Long> redisPids = redisProcesses.stream().map(ProcessHandle::pid).toList();
            ZooKeeperDevService zooKeeper = DevServices.zooKeeper();
            List<Path> orphanDelete = new ArrayList<>(List.of(options.file(), h2.baseDir()));
            orphanDelete.addAll(redisDirs(redisProcesses));
            if (options.redisCluster()) {
                orphanDelete.add(DevServices.redisCluster().workDir());
            }
            // A restarted Redis has a new pid: the name server also reads the pid file if we die.
            List<Path> redisPidFiles = standalone == null ? List.of() : List.of(standalone.pidFile());
            rocketMq = RocketMqProcesses.start(new RocketMqProcesses.Settings(options.topics(),
                    options.transactionCheckInterval(), options.transactionTimeout(), options.transactionCheckMax(),
                    SERVER_START_TIMEOUT, redisPids, orphanDelete, redisPidFiles));
            servers = new Servers(redis, zooKeeper, rocketMq, h2, redisPids, standalone);
            // DevServices' own JVM hook stops Redis and ZooKeeper; this one adds RocketMQ, H2 and the file.
            H2TcpServer startedH2 = h2;
            RocketMqProcesses startedRocketMq = rocketMq;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(startedH2, startedRocketMq, options.file()),
                    "tradekit-dev-servers-stop"));
            synchronized (LOCK) {
                generation = 1;
                write(options.file(), addresses(servers, options, "ok"));
            }
        } catch (RuntimeException | LinkageError e) {
            // A LinkageError too: a class missing from the classpath must end the launcher, not leave it hanging.
            System.err.println("tradekit dev servers failed to start: " + e);
            stop(h2, rocketMq, null);
            System.exit(1);
            return;
        }
        System.out.println(READY + options.file());
        System.out.flush();
        Thread control = new Thread(() -> readCommands(servers, options), "tradekit-dev-servers-control");
        control.setDaemon(true);
        control.start();
        // Until Ctrl-C / SIGTERM: the JVM then runs the shutdown hooks and exits.
        new CountDownLatch(1).await();
    }

    /**
     * The temp directories the Redis dev service runs its {@code redis-server} from (the executable is
     * unpacked there), for the RocketMQ JVMs to remove if this process is killed.
     */
    private static List<Path> redisDirs(List<ProcessHandle> redisProcesses) {
        List<Path> dirs = new ArrayList<>();
        for (ProcessHandle redis : redisProcesses) {
            redis.info().command().map(Path::of).map(Path::getParent)
                    .filter(dir -> dir.getFileName() != null && dir.getFileName().toString().startsWith("tradekit-redis-"))
                    .ifPresent(dirs::add);
        }
        return dirs;
    }

    /**
     * What the file describes; {@code redis} holds the Redis properties (one server, or a cluster's nodes),
     * {@code standaloneRedis} the one server (null for a cluster), whose pid a restart changes.
     */
    record Servers(Map<String, String> redis, ZooKeeperDevService zooKeeper, RocketMqProcesses rocketMq,
                   H2TcpServer h2, List<Long> redisPids, RedisDevService standaloneRedis) {

        /** The redis-server processes now. */
        List<Long> currentRedisPids() {
            return standaloneRedis == null ? redisPids : List.of(standaloneRedis.pid());
        }
    }

    /** One Redis: host, port and URL, for every client the starters build. */
    static Map<String, String> standaloneProperties(RedisDevService redis) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.data.redis.host", redis.host());
        properties.put("spring.data.redis.port", Integer.toString(redis.port()));
        properties.put("spring.data.redis.url", redis.uri());
        properties.put("tradekit.dev-services.redis.url", redis.uri());
        return properties;
    }

    /** A cluster: its nodes only (Spring's and Redisson's cluster settings); no URL of a single server. */
    static Map<String, String> clusterProperties(RedisClusterDevService cluster) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.data.redis.cluster.nodes", cluster.nodesProperty());
        properties.put(SHARED + "redis.cluster-nodes", cluster.nodesProperty());
        return properties;
    }

    private static void readCommands(Servers servers, DevServersOptions options) {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    execute(line.trim(), servers, options);
                }
            }
        } catch (IOException e) {
            System.err.println("tradekit dev servers: standard input failed (" + e + "); no more commands");
        }
        if (options.exitOnStdinEof()) {
            System.err.println("tradekit dev servers: standard input ended (the parent process is gone): stopping");
            System.exit(0);
        }
    }

    static void execute(String command, Servers servers, DevServersOptions options) {
        String[] words = command.split("\\s+");
        String result;
        try {
            if (words.length == 2 && words[0].equals(RESTART_BROKER)) {
                servers.rocketMq().restartBroker(words[1]);
                result = "ok";
                System.out.println("tradekit dev servers: " + command + ": ok, pid "
                        + servers.rocketMq().brokers().get(words[1]).pid());
            } else if (words.length == 1 && words[0].equals(RESTART_REDIS)) {
                if (servers.standaloneRedis() == null) {
                    throw new IllegalStateException(RESTART_REDIS + " restarts one Redis, not a cluster");
                }
                servers.standaloneRedis().restart(REDIS_RESTART_TIMEOUT);
                result = "ok";
                System.out.println("tradekit dev servers: " + command + ": ok, pid " + servers.standaloneRedis().pid());
            } else {
                result = "error: unknown command '" + command + "', expected " + RESTART_BROKER + " <name> or "
                        + RESTART_REDIS;
            }
        } catch (RuntimeException e) {
            result = "error: " + e.getMessage();
        }
        if (!result.equals("ok")) {
            System.err.println("tradekit dev servers: " + command + ": " + result);
        }
        synchronized (LOCK) {
            if (!stopping) {
                generation++;
                write(options.file(), addresses(servers, options, result));
            }
        }
    }

    static Map<String, String> addresses(Servers servers, DevServersOptions options, String controlResult) {
        ZooKeeperDevService zooKeeper = servers.zooKeeper();
        RocketMqProcesses rocketMq = servers.rocketMq();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("tradekit.dev-services.shared-servers", "true");
        properties.put("tradekit.dev-services.shared-servers-pid", Long.toString(ProcessHandle.current().pid()));
        properties.putAll(servers.redis());
        properties.put("rocketmq.name-server", rocketMq.nameServerAddress());
        properties.put("tradekit.dev-services.rocketmq.name-server", rocketMq.nameServerAddress());
        properties.put("dubbo.registry.address", zooKeeper.dubboRegistryAddress());
        properties.put("tradekit.dev-services.zookeeper.connect-string", zooKeeper.connectString());
        properties.put("spring.datasource.url", servers.h2().jdbcUrl(options.database(), options.h2Options()));
        properties.put("spring.datasource.username", "sa");
        properties.put("spring.datasource.password", "");

        properties.put(SHARED + "generation", Integer.toString(generation));
        properties.put(SHARED + "control-result", controlResult);
        properties.put(SHARED + "launcher.pid", Long.toString(ProcessHandle.current().pid()));
        RocketMqProcesses.Server nameServer = rocketMq.nameServer();
        properties.put(SHARED + "name-server.pid", Long.toString(nameServer.pid()));
        properties.put(SHARED + "name-server.address", nameServer.address());
        properties.put(SHARED + "name-server.dir", nameServer.dir.toString());
        properties.put(SHARED + "brokers", String.join(",", rocketMq.brokers().keySet()));
        for (RocketMqProcesses.Server broker : rocketMq.brokers().values()) {
            String prefix = SHARED + "broker." + broker.name + ".";
            properties.put(prefix + "pid", Long.toString(broker.pid()));
            properties.put(prefix + "port", Integer.toString(broker.port));
            properties.put(prefix + "address", broker.address());
            properties.put(prefix + "store-dir", broker.dir.toString());
        }
        properties.put(SHARED + "redis.pids", String.join(",", servers.currentRedisPids().stream().map(String::valueOf).toList()));
        properties.put(SHARED + "redis.aof", Boolean.toString(options.redisAof()));
        return properties;
    }

    /** Written beside and then moved: an application never reads half a file. */
    static void write(Path file, Map<String, String> properties) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path partial = Files.createTempFile(dir, ".tradekit-dev-servers-", ".tmp");
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                out.write("# tradekit shared dev servers; removed when they stop. Import with"
                        + " --spring.config.import=file:" + file + "\n");
                for (Map.Entry<String, String> entry : properties.entrySet()) {
                    // Property-file escaping of the few characters a URL may carry.
                    out.write(entry.getKey() + "=" + entry.getValue().replace("\\", "\\\\")
                            .replace(":", "\\:").replace("=", "\\=") + "\n");
                }
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dev servers' address file " + file, e);
        }
    }

    private static void stop(H2TcpServer h2, RocketMqProcesses rocketMq, Path file) {
        synchronized (LOCK) {
            stopping = true;
        }
        if (file != null) {
            try {
                // First: no application may pick up addresses of servers that are going away.
                Files.deleteIfExists(file);
            } catch (IOException e) {
                System.err.println("cannot remove " + file + ": " + e);
            }
        }
        if (rocketMq != null) {
            rocketMq.close();
        }
        DevServices.stopAll();
        if (h2 != null) {
            h2.close();
        }
    }
}
