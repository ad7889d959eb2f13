package io.tradekit.devservices.rocketmq;

import io.tradekit.devservices.DevServiceStartException;
import io.tradekit.devservices.support.FreePorts;
import io.tradekit.devservices.support.TempDirs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.namesrv.NamesrvController;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real RocketMQ name server and broker from the official Apache artifacts, run in this JVM
 * on loopback ports with a temp store, for a dev run or a test.
 *
 * <p>Started by {@link #start(RocketMqSettings)} (usually through
 * {@link io.tradekit.devservices.DevServices#rocketMq()}). Sized for a laptop: 16 MiB commit
 * log files, small consume queues and index, no timer wheel. Topics are auto-created on first
 * send; {@link #createTopic(String)} creates one and waits until its route is visible.
 */
public final class RocketMqDevService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RocketMqDevService.class);
    private static final Pattern TOPIC = Pattern.compile("[%A-Za-z0-9_-]{1,127}");
    private static final int FAST_CHANNEL_OFFSET = RocketMqServers.FAST_CHANNEL_OFFSET;
    private static final int QUEUES_PER_TOPIC = RocketMqServers.QUEUES_PER_TOPIC;

    private final NamesrvController nameServer;
    private volatile BrokerController broker;
    private final RocketMqSettings settings;
    private final Set<String> createdTopics = ConcurrentHashMap.newKeySet();
    private final int nameServerPort;
    private final int brokerPort;
    private final Path storeDir;
    private final Duration startTimeout;
    private final Duration startedIn;
    /** The port the broker registers with the name server; its own port unless {@link #advertiseBrokerAt} moved it. */
    private volatile int advertisedPort;

    private RocketMqDevService(NamesrvController nameServer, BrokerController broker, RocketMqSettings settings,
                               int nameServerPort, int brokerPort, Path storeDir, Duration startTimeout,
                               Duration startedIn) {
        this.nameServer = nameServer;
        this.broker = broker;
        this.settings = settings;
        this.nameServerPort = nameServerPort;
        this.brokerPort = brokerPort;
        this.storeDir = storeDir;
        this.startTimeout = startTimeout;
        this.startedIn = startedIn;
        this.advertisedPort = brokerPort;
    }

    /**
     * Starts a name server and one broker as {@code settings} say, and waits for their routes.
     *
     * @throws DevServiceStartException when either does not start or a topic route never appears
     */
    public static RocketMqDevService start(RocketMqSettings settings) {
        long began = System.nanoTime();
        RocketMqServers.prepareJvm();

        Path storeDir = TempDirs.create("rocketmq");
        NamesrvController nameServer = null;
        BrokerController broker = null;
        try {
            int nameServerPort = FreePorts.next();
            nameServer = startNameServer(nameServerPort, storeDir);
            int brokerPort = FreePorts.nextWithCompanion(FAST_CHANNEL_OFFSET);
            broker = startBroker(settings, FreePorts.LOOPBACK + ":" + nameServerPort, brokerPort, storeDir);
            RocketMqDevService service = new RocketMqDevService(nameServer, broker, settings, nameServerPort,
                    brokerPort, storeDir, settings.startTimeout(), Duration.ofNanos(System.nanoTime() - began));
            for (String topic : settings.topics()) {
                service.createTopic(topic);
            }
            log.info("RocketMQ dev service: name server {}, broker {}, started in {} ms",
                    service.nameServerAddress(), service.brokerAddress(), service.startedIn().toMillis());
            return service;
        } catch (DevServiceStartException e) {
            stopQuietly(nameServer, broker, storeDir);
            throw e;
        } catch (Exception e) {
            stopQuietly(nameServer, broker, storeDir);
            throw new DevServiceStartException("RocketMQ dev service cannot start: " + e
                    + ". Check that the temp directory " + storeDir.getParent() + " is writable and has free space,"
                    + " or set tradekit.dev-services.rocketmq.enabled=false and point rocketmq.name-server at a broker.", e);
        }
    }

    private static NamesrvController startNameServer(int port, Path storeDir) throws Exception {
        return RocketMqServers.startNameServer(port, storeDir);
    }

    private static BrokerController startBroker(RocketMqSettings settings, String nameServerAddress, int port,
                                                Path storeDir) throws Exception {
        return RocketMqServers.startBroker(new RocketMqServers.BrokerSpec("tradekit-dev-broker", nameServerAddress, port,
                storeDir, settings.transactionCheckInterval(), settings.transactionTimeout()));
    }

    /**
     * Creates {@code topic} (4 read/write queues) if absent and returns once the name server
     * routes it, so a producer's first send succeeds.
     */
    public void createTopic(String topic) {
        requireValidTopic(topic);
        TopicConfig config = new TopicConfig(topic, QUEUES_PER_TOPIC, QUEUES_PER_TOPIC,
                PermName.PERM_READ | PermName.PERM_WRITE);
        broker.getTopicConfigManager().updateTopicConfig(config);
        broker.registerBrokerAll(true, false, true);
        awaitRoute(topic);
        createdTopics.add(topic);
    }

    /**
     * Stops the broker (gracefully, about 10 s) and starts a new one on the same store, port and
     * name server, then waits until the name server routes the topics made by {@link #createTopic}
     * again. Messages, consumer offsets and pending half messages survive; clients reconnect on
     * their own (after their next heartbeat, 30 s by default, the broker knows them again). For
     * tests of "the broker restarted"; the name server keeps running.
     *
     * @throws DevServiceStartException when the new broker does not start or its routes never appear
     */
    public synchronized void restartBroker() {
        stopBroker();
        startBrokerAgain();
        log.info("RocketMQ dev broker restarted on {}", brokerAddress());
    }

    /**
     * Stops the broker (gracefully, about 10 s; it unregisters from the name server, so producers find
     * no route), keeping its store; the name server keeps running. For tests of "the broker is down";
     * {@link #startBrokerAgain()} brings it back. Idempotent.
     */
    public synchronized void stopBroker() {
        BrokerController old = broker;
        if (old == null) {
            return;
        }
        // The broker stops its network first and its transaction check service late: meanwhile every
        // check round fails ("channel table is empty") and counts toward transactionCheckMax, which at
        // the 1 s dev interval discards pending half messages before the broker is even down.
        if (old.getTransactionalMessageCheckService() != null) {
            old.getTransactionalMessageCheckService().shutdown();
        }
        old.shutdown();
        broker = null;
    }

    /**
     * Starts a broker again after {@link #stopBroker()} on the same store, port and name server, and
     * waits until the name server routes the topics made by {@link #createTopic} again. Idempotent.
     *
     * @throws DevServiceStartException when the new broker does not start or its routes never appear
     */
    public synchronized void startBrokerAgain() {
        if (broker != null) {
            return;
        }
        try {
            broker = startBroker(settings, FreePorts.LOOPBACK + ":" + nameServerPort, brokerPort, storeDir);
        } catch (DevServiceStartException e) {
            throw e;
        } catch (Exception e) {
            throw new DevServiceStartException("RocketMQ dev broker cannot restart on port " + brokerPort + ": " + e, e);
        }
        broker.registerBrokerAll(true, false, true);
        for (String topic : createdTopics) {
            awaitRoute(topic);
        }
        if (advertisedPort != brokerPort) {
            advertise(advertisedPort);
        }
    }

    /**
     * Makes the broker register {@code 127.0.0.1:port} with the name server instead of its own address, and
     * returns once the name server routes every topic of {@link #createTopic} there. Clients that fetch a route
     * afterwards send every request to that port, so a {@code FaultProxy} listening there and forwarding to
     * {@link #brokerPort()} sits between them and the broker: sends, end-transactions, pulls, heartbeats, and the
     * check-backs the broker sends back over a producer's connection. The broker keeps listening on its own
     * port; a restart ({@link #restartBroker()}, {@link #startBrokerAgain()}) keeps the advertised port.
     *
     * <p>Why this works: the broker registers {@code brokerIP1 + ":" + nettyServerConfig.listenPort}
     * ({@code BrokerController.getBrokerAddr()}), and reads that port again at each registration (every 30 s
     * and here), while its server socket was bound at start and stays. What stays on the real port:
     * the store host inside message ids (an {@code offsetMsgId} names the real port, so a lookup by it goes
     * around the proxy), the half messages' store host, and the fast channel ({@code port - 2}), which
     * clients only use with {@code vipChannelEnabled}, off by default since RocketMQ 5. The name server link
     * and HA are not clients' traffic and stay direct.
     *
     * <p>Clients already holding a route keep the old address until their next route refresh (30 s by
     * default): advertise before they start. {@link #advertiseBrokerAtItsOwnPort()} undoes it.
     *
     * @throws DevServiceStartException when the name server does not route the topics to the new address in time
     */
    public synchronized void advertiseBrokerAt(int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1-65535, was " + port);
        }
        advertisedPort = port;
        if (broker != null) {
            advertise(port);
        }
    }

    /** Registers the broker at its own address again (after {@link #advertiseBrokerAt(int)}). */
    public synchronized void advertiseBrokerAtItsOwnPort() {
        advertiseBrokerAt(brokerPort);
    }

    /** {@code 127.0.0.1:port} clients are routed to: {@link #brokerAddress()} unless {@link #advertiseBrokerAt} moved it. */
    public String advertisedBrokerAddress() {
        return FreePorts.LOOPBACK + ":" + advertisedPort;
    }

    private void advertise(int port) {
        String previous = broker.getBrokerAddr();
        broker.getNettyServerConfig().setListenPort(port);
        broker.registerBrokerAll(true, false, true);
        String now = broker.getBrokerAddr();
        if (!previous.equals(now)) {
            // Registering replaced the address of broker id 0; the old address would otherwise stay in the
            // name server's live table until it expires (2 minutes). Unregistering removes it by address only.
            nameServer.getRouteInfoManager().unregisterBroker(RocketMqServers.CLUSTER, previous,
                    broker.getBrokerConfig().getBrokerName(), MixAll.MASTER_ID);
        }
        for (String topic : createdTopics) {
            awaitRoute(topic, now);
        }
        log.info("RocketMQ dev broker {} advertised as {}", brokerAddress(), now);
    }

    private boolean routesTo(String topic, String address) {
        TopicRouteData route = nameServer.getRouteInfoManager().pickupTopicRouteData(topic);
        return route != null && route.getBrokerDatas().stream()
                .anyMatch(data -> address.equals(data.getBrokerAddrs().get(MixAll.MASTER_ID)));
    }

    /** Whether the name server has a route for {@code topic} (producers can send to it). */
    public boolean hasRoute(String topic) {
        return nameServer.getRouteInfoManager().pickupTopicRouteData(topic) != null;
    }

    private void awaitRoute(String topic) {
        awaitRoute(topic, null);
    }

    /** Waits until the name server routes {@code topic} ({@code address} null), or routes it to {@code address}. */
    private void awaitRoute(String topic, String address) {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (address == null ? !hasRoute(topic) : !routesTo(topic, address)) {
            if (System.nanoTime() > deadline) {
                throw new DevServiceStartException("RocketMQ dev service: topic " + topic
                        + (address == null ? " has no route" : " is not routed to " + address)
                        + " on the name server " + nameServerAddress() + " after " + startTimeout.toMillis() + " ms");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DevServiceStartException("Interrupted while waiting for the route of topic " + topic, e);
            }
        }
    }

    static void requireValidTopic(String topic) {
        if (topic == null || !TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("Invalid RocketMQ topic name '" + topic
                    + "': 1-127 characters of letters, digits, '%', '_' or '-'");
        }
    }

    /** {@code 127.0.0.1:port}, the value of {@code rocketmq.name-server}. */
    public String nameServerAddress() {
        return FreePorts.LOOPBACK + ":" + nameServerPort;
    }

    /** {@code 127.0.0.1:port} the broker listens on (see {@link #advertisedBrokerAddress()} for where clients go). */
    public String brokerAddress() {
        return FreePorts.LOOPBACK + ":" + brokerPort;
    }

    /** The port the broker listens on, whatever {@link #advertiseBrokerAt} says to clients. */
    public int brokerPort() {
        return brokerPort;
    }

    /**
     * Every port this service listens on: name server, broker, the broker's fast channel and its
     * HA listener. All are bound to 127.0.0.1.
     */
    public List<Integer> listeningPorts() {
        return List.of(nameServerPort, brokerPort, brokerPort - FAST_CHANNEL_OFFSET,
                broker.getMessageStoreConfig().getHaListenPort());
    }

    /** Wall time from the start request until the broker was registered (and its topics routed). */
    public Duration startedIn() {
        return startedIn;
    }

    /** Shuts down broker then name server and removes the store. */
    @Override
    public void close() {
        stopQuietly(nameServer, broker, storeDir);
    }

    /**
     * Removes the store without a graceful shutdown, for a JVM that is exiting anyway. The
     * graceful path takes about 11 s (RocketMQ's message store sleeps 3 s and waits on each of its
     * executors), which only delays Ctrl-C and the end of every test JVM; the process's exit
     * closes the ports and the store is a temp directory nobody reads again.
     */
    public void discardAtJvmExit() {
        TempDirs.deleteQuietly(storeDir);
    }

    private static void stopQuietly(NamesrvController nameServer, BrokerController broker, Path storeDir) {
        try {
            if (broker != null) {
                broker.shutdown();
            }
        } catch (RuntimeException e) {
            log.warn("RocketMQ dev broker did not shut down cleanly: {}", e.toString());
        }
        try {
            if (nameServer != null) {
                nameServer.shutdown();
            }
        } catch (RuntimeException e) {
            log.warn("RocketMQ dev name server did not shut down cleanly: {}", e.toString());
        }
        TempDirs.deleteQuietly(storeDir);
    }

    @Override
    public String toString() {
        return "RocketMqDevService[nameServer=" + nameServerAddress() + ", broker=" + brokerAddress() + "]";
    }
}
