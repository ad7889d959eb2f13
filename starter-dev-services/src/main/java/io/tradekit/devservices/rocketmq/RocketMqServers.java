package io.tradekit.devservices.rocketmq;

import io.tradekit.devservices.DevServiceStartException;
import io.tradekit.devservices.support.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.common.namesrv.NamesrvConfig;
import org.apache.rocketmq.namesrv.NamesrvController;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.store.config.MessageStoreConfig;

/**
 * How a dev name server and a dev broker are configured and started, one place for both uses: the
 * in-process pair of {@link RocketMqDevService} and the name server and brokers the standalone
 * launcher runs as JVMs of their own. Everything binds to 127.0.0.1; stores are sized for a laptop.
 */
public final class RocketMqServers {

    /** The broker also listens on its port minus 2 (its "fast" VIP channel). */
    public static final int FAST_CHANNEL_OFFSET = 2;
    public static final int QUEUES_PER_TOPIC = 4;
    public static final String CLUSTER = "DefaultCluster";

    /**
     * One broker's settings.
     *
     * @param brokerName               unique per broker: the name its queues are routed under
     * @param nameServerAddress        {@code 127.0.0.1:port} it registers with
     * @param port                     its listen port ({@code port - 2} must be free too)
     * @param storeDir                 its store and home; reusing it after a crash recovers its messages
     * @param transactionCheckInterval check-back interval of half messages
     * @param transactionTimeout       age of a half message before its first check-back
     * @param transactionCheckMax      check rounds of a half message before the broker discards it
     */
    public record BrokerSpec(String brokerName, String nameServerAddress, int port, Path storeDir,
                             Duration transactionCheckInterval, Duration transactionTimeout, int transactionCheckMax) {

        /** RocketMQ's default number of check rounds ({@code transactionCheckMax}). */
        public static final int DEFAULT_TRANSACTION_CHECK_MAX = 15;

        /** With RocketMQ's default {@value #DEFAULT_TRANSACTION_CHECK_MAX} check rounds. */
        public BrokerSpec(String brokerName, String nameServerAddress, int port, Path storeDir,
                          Duration transactionCheckInterval, Duration transactionTimeout) {
            this(brokerName, nameServerAddress, port, storeDir, transactionCheckInterval, transactionTimeout,
                    DEFAULT_TRANSACTION_CHECK_MAX);
        }
    }

    private RocketMqServers() {
    }

    /** Logging and the remoting version every RocketMQ server of this JVM needs; idempotent. */
    public static void prepareJvm() {
        RocketMqLogging.configure();
        // Pitfall 2 of VERSIONS.md: without this the first registration may carry version 0 and the
        // name server ignores the broker's topics ("No route info of this topic").
        System.setProperty(RemotingCommand.REMOTING_VERSION_KEY, Integer.toString(MQVersion.CURRENT_VERSION));
    }

    /** A started name server on 127.0.0.1:{@code port}, its small config files under {@code dir}. */
    public static NamesrvController startNameServer(int port, Path dir) throws Exception {
        NamesrvConfig config = new NamesrvConfig();
        config.setKvConfigPath(dir.resolve("namesrv/kvConfig.json").toString());
        config.setConfigStorePath(dir.resolve("namesrv/namesrv.properties").toString());
        NettyServerConfig server = new NettyServerConfig();
        server.setBindAddress(FreePorts.LOOPBACK);
        server.setListenPort(port);
        NamesrvController controller = new NamesrvController(config, server, new NettyClientConfig());
        if (!controller.initialize()) {
            throw new DevServiceStartException("RocketMQ dev name server failed to initialise on "
                    + FreePorts.LOOPBACK + ":" + port);
        }
        controller.start();
        return controller;
    }

    /** A started master broker as {@code spec} says, registered with its name server. */
    public static BrokerController startBroker(BrokerSpec spec) throws Exception {
        BrokerConfig config = new BrokerConfig();
        config.setBrokerName(spec.brokerName());
        config.setBrokerClusterName(CLUSTER);
        config.setBrokerIP1(FreePorts.LOOPBACK);
        config.setBrokerIP2(FreePorts.LOOPBACK);
        config.setNamesrvAddr(spec.nameServerAddress());
        config.setRocketmqHome(spec.storeDir().toString());
        config.setAutoCreateTopicEnable(true);
        config.setAutoCreateSubscriptionGroup(true);
        config.setEnablePropertyFilter(true);
        config.setTransactionCheckInterval(spec.transactionCheckInterval().toMillis());
        config.setTransactionTimeOut(spec.transactionTimeout().toMillis());
        config.setTransactionCheckMax(spec.transactionCheckMax());

        NettyServerConfig server = new NettyServerConfig();
        server.setBindAddress(FreePorts.LOOPBACK);
        server.setListenPort(spec.port());

        Path storeDir = spec.storeDir();
        MessageStoreConfig store = new MessageStoreConfig();
        store.setStorePathRootDir(storeDir.resolve("store").toString());
        store.setStorePathCommitLog(storeDir.resolve("store/commitlog").toString());
        store.setMappedFileSizeCommitLog(16 * 1024 * 1024);
        store.setMappedFileSizeConsumeQueue(200_000);
        store.setMaxHashSlotNum(10_000);
        store.setMaxIndexNum(40_000);
        store.setTimerWheelEnable(false);
        // The HA listener serves slaves; 0 lets the OS pick a port so parallel JVMs never collide.
        store.setHaListenPort(0);

        BrokerController controller = new BrokerController(config, server, new NettyClientConfig(), store);
        if (!controller.initialize()) {
            throw new DevServiceStartException("RocketMQ dev broker " + spec.brokerName() + " failed to initialise"
                    + " (store " + storeDir + ", port " + spec.port() + ")");
        }
        controller.start();
        return controller;
    }

    /**
     * Creates (or keeps) {@code topics} with {@value #QUEUES_PER_TOPIC} read/write queues on
     * {@code broker} and registers them with the name server synchronously, so that on return the
     * name server routes them to this broker.
     */
    public static void createTopics(BrokerController broker, List<String> topics) {
        for (String topic : topics) {
            RocketMqDevService.requireValidTopic(topic);
            broker.getTopicConfigManager().updateTopicConfig(new TopicConfig(topic, QUEUES_PER_TOPIC, QUEUES_PER_TOPIC,
                    PermName.PERM_READ | PermName.PERM_WRITE));
        }
        broker.registerBrokerAll(true, false, true);
    }
}
