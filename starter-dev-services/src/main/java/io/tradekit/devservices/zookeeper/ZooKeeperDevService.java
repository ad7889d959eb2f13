package io.tradekit.devservices.zookeeper;

import io.tradekit.devservices.DevServiceStartException;
import io.tradekit.devservices.support.FreePorts;
import io.tradekit.devservices.support.TempDirs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real ZooKeeper server (Curator's {@link TestingServer}) on a loopback port, for a Dubbo
 * registry in a dev run or a test.
 *
 * <p>Started by {@link #start()} (usually through {@link io.tradekit.devservices.DevServices#zooKeeper()}).
 * The client port is bound to 127.0.0.1 only and ZooKeeper's admin HTTP server (port 8080 by
 * default) is switched off.
 */
public final class ZooKeeperDevService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ZooKeeperDevService.class);

    private final TestingServer server;
    private final Path dataDir;
    private final Duration startedIn;

    private ZooKeeperDevService(TestingServer server, Path dataDir, Duration startedIn) {
        this.server = server;
        this.dataDir = dataDir;
        this.startedIn = startedIn;
    }

    /** Starts a standalone server on a free loopback port with a temp data directory. */
    public static ZooKeeperDevService start() {
        long began = System.nanoTime();
        Path dataDir = TempDirs.create("zookeeper");
        int port = FreePorts.next();
        InstanceSpec spec = new InstanceSpec(dataDir.toFile(), port, -1, -1, true, -1, -1, -1,
                Map.of("clientPortAddress", FreePorts.LOOPBACK, "admin.enableServer", "false"),
                FreePorts.LOOPBACK);
        try {
            TestingServer server = new TestingServer(spec, true);
            ZooKeeperDevService service = new ZooKeeperDevService(server, dataDir,
                    Duration.ofNanos(System.nanoTime() - began));
            log.info("ZooKeeper dev service listening on {}, started in {} ms",
                    service.connectString(), service.startedIn().toMillis());
            return service;
        } catch (Exception e) {
            TempDirs.deleteQuietly(dataDir);
            throw new DevServiceStartException("ZooKeeper dev service cannot start on " + FreePorts.LOOPBACK + ":" + port
                    + ": " + e + ". Set tradekit.dev-services.zookeeper.enabled=false and point dubbo.registry.address"
                    + " at a ZooKeeper, or use an injvm registry for a single process.", e);
        }
    }

    /** {@code 127.0.0.1:port}, what a ZooKeeper client connects to. */
    public String connectString() {
        return FreePorts.LOOPBACK + ":" + server.getPort();
    }

    /** {@code zookeeper://127.0.0.1:port}, the value of {@code dubbo.registry.address}. */
    public String dubboRegistryAddress() {
        return "zookeeper://" + connectString();
    }

    public int port() {
        return server.getPort();
    }

    public Duration startedIn() {
        return startedIn;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            log.warn("ZooKeeper dev service did not stop cleanly: {}", e.toString());
        }
        TempDirs.deleteQuietly(dataDir);
    }

    @Override
    public String toString() {
        return "ZooKeeperDevService[" + connectString() + "]";
    }
}
