package io.tradekit.devservices.standalone;

import io.tradekit.devservices.DevServices;
import io.tradekit.devservices.redis.RedisDevService;
import io.tradekit.devservices.rocketmq.RocketMqDevService;
import io.tradekit.devservices.rocketmq.RocketMqSettings;
import io.tradekit.devservices.zookeeper.ZooKeeperDevService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The dev servers several application processes share, as a process of their own: Redis, a RocketMQ
 * name server and broker (in this JVM), ZooKeeper and an H2 TCP server, all on 127.0.0.1 free ports.
 * Their addresses go to a properties file that each application imports
 * ({@code --spring.config.import=file:<path>}); the file also sets
 * {@code tradekit.dev-services.shared-servers=true}, so the application starts no servers of its own.
 * Ctrl-C or {@code SIGTERM} stops every server, removes their temp directories and the file.
 *
 * <pre>
 * mvn -pl starter-dev-services exec:java -Dexec.args="--file /tmp/servers.properties --topics a,b"
 * java -cp benchmarks/target/benchmarks.jar io.tradekit.devservices.standalone.DevServersMain [options]
 * </pre>
 */
public final class DevServersMain {

    /** Printed on stdout once the file is written: what scripts wait for. */
    public static final String READY = "tradekit dev servers ready: ";

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
        try {
            h2 = H2TcpServer.start();
            RedisDevService redis = DevServices.redis();
            ZooKeeperDevService zooKeeper = DevServices.zooKeeper();
            RocketMqDevService rocketMq = DevServices.rocketMq(new RocketMqSettings(options.transactionCheckInterval(),
                    options.transactionTimeout(), options.topics(), RocketMqSettings.DEFAULTS.startTimeout()));
            // DevServices' own JVM hook stops Redis, RocketMQ and ZooKeeper; this one adds H2 and the file.
            H2TcpServer started = h2;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started, options.file()), "tradekit-dev-servers-stop"));
            write(options.file(), addresses(redis, zooKeeper, rocketMq, h2, options));
        } catch (RuntimeException | LinkageError e) {
            // A LinkageError too: a class missing from the classpath must end the launcher, not leave it hanging.
            System.err.println("tradekit dev servers failed to start: " + e);
            stop(h2, null);
            System.exit(1);
            return;
        }
        System.out.println(READY + options.file());
        System.out.flush();
        // Until Ctrl-C / SIGTERM: the JVM then runs the shutdown hooks and exits.
        new CountDownLatch(1).await();
    }

    static Map<String, String> addresses(RedisDevService redis, ZooKeeperDevService zooKeeper,
                                         RocketMqDevService rocketMq, H2TcpServer h2, DevServersOptions options) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("tradekit.dev-services.shared-servers", "true");
        properties.put("tradekit.dev-services.shared-servers-pid", Long.toString(ProcessHandle.current().pid()));
        properties.put("spring.data.redis.host", redis.host());
        properties.put("spring.data.redis.port", Integer.toString(redis.port()));
        properties.put("spring.data.redis.url", redis.uri());
        properties.put("tradekit.dev-services.redis.url", redis.uri());
        properties.put("rocketmq.name-server", rocketMq.nameServerAddress());
        properties.put("tradekit.dev-services.rocketmq.name-server", rocketMq.nameServerAddress());
        properties.put("dubbo.registry.address", zooKeeper.dubboRegistryAddress());
        properties.put("tradekit.dev-services.zookeeper.connect-string", zooKeeper.connectString());
        properties.put("spring.datasource.url", h2.jdbcUrl(options.database(), options.h2Options()));
        properties.put("spring.datasource.username", "sa");
        properties.put("spring.datasource.password", "");
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

    private static void stop(H2TcpServer h2, Path file) {
        if (file != null) {
            try {
                // First: no application may pick up addresses of servers that are going away.
                Files.deleteIfExists(file);
            } catch (IOException e) {
                System.err.println("cannot remove " + file + ": " + e);
            }
        }
        DevServices.stopAll();
        if (h2 != null) {
            h2.close();
        }
    }
}
