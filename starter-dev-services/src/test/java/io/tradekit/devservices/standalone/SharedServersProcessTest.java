package io.tradekit.devservices.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.devservices.support.ListeningSockets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher through {@link SharedServersProcess}, as tests and load drivers start it: the RocketMQ
 * name server and both brokers are JVMs of their own, a topic spreads over both brokers, a broker
 * killed with {@code SIGKILL} comes back on its store with the messages it had, and neither
 * {@code SIGTERM} nor {@code SIGKILL} of the launcher leaves a process, store or file behind.
 */
@Tag("multi-process")
class SharedServersProcessTest {

    /** Only a bound: on an idle laptop the servers are up in about 15 s. */
    private static final Duration START_BUDGET = Duration.ofMinutes(8);
    /** Only a bound: the children notice within about a second on an idle machine. */
    private static final Duration ORPHAN_BUDGET = Duration.ofSeconds(30);
    private static final String TOPIC = "shared-servers-test";
    private static final Set<String> BROKERS = Set.of("broker-a", "broker-b");

    @TempDir
    Path dir;

    @Test
    void brokersAreProcessesOfTheirOwnSurviveAKillOnTheirStoreAndStopWithTheLauncher() throws Exception {
        Path file = dir.resolve("servers.properties");
        SharedServersProcess servers = SharedServersProcess.start(file, log(), List.of(TOPIC), START_BUDGET);
        List<ProcessHandle> processes = new ArrayList<>();
        try {
            ProcessHandle launcher = ProcessHandle.of(servers.pid()).orElseThrow();
            Map<String, Long> brokerPids = servers.brokerPids();
            assertThat(servers.brokerNames()).containsExactly("broker-a", "broker-b");
            Set<Long> children = new HashSet<>(launcher.children().map(ProcessHandle::pid).toList());
            Set<Long> rocketMqPids = new HashSet<>(brokerPids.values());
            rocketMqPids.add(servers.nameServerPid());
            assertThat(rocketMqPids).as("name server and brokers: three processes, none the launcher").hasSize(3)
                    .doesNotContain(servers.pid());
            assertThat(children).as("children of the launcher").containsAll(rocketMqPids);
            for (long pid : rocketMqPids) {
                assertThat(ProcessHandle.of(pid)).as("process %d", pid).get().matches(ProcessHandle::isAlive);
            }
            assertThat(servers.serverPids()).containsAll(rocketMqPids).contains(servers.pid());
            processes.addAll(launcher.descendants().toList());

            List<Integer> ports = new ArrayList<>(List.of(port(servers.nameServerAddress())));
            for (String broker : servers.brokerNames()) {
                int port = Integer.parseInt(servers.addresses().getProperty("tradekit.dev-services.shared.broker." + broker + ".port"));
                assertThat(servers.brokerAddress(broker)).isEqualTo("127.0.0.1:" + port);
                assertThat(servers.brokerStoreDir(broker)).isDirectory();
                ports.add(port);
            }
            for (int port : ports) {
                assertThat(ListeningSockets.addressesListeningOn(port)).as("listeners of port %d", port)
                        .isNotEmpty().allMatch(ListeningSockets::isLoopback);
            }
            Path stores = servers.brokerStoreDir("broker-a").getParent();

            // Queues on both brokers: a producer's round robin lands on each of them.
            Set<String> reached = new TreeSet<>();
            DefaultMQProducer producer = producer(servers, "shared-servers-spread");
            try {
                for (int i = 0; i < 16; i++) {
                    SendResult sent = producer.send(message("spread-" + i), 15_000);
                    assertThat(sent.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                    reached.add(sent.getMessageQueue().getBrokerName());
                }
            } finally {
                producer.shutdown();
            }
            assertThat(reached).isEqualTo(BROKERS);

            // A message stored on broker-a, then broker-a crashes and comes back on the same store.
            producer = producer(servers, "shared-servers-crash");
            SendResult stored;
            try {
                MessageQueue queue = producer.fetchPublishMessageQueues(TOPIC).stream()
                        .filter(q -> q.getBrokerName().equals("broker-a")).findFirst().orElseThrow();
                stored = producer.send(message("before-the-crash"), queue, 15_000);
                assertThat(stored.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            } finally {
                producer.shutdown();
            }
            long killed = brokerPids.get("broker-a");
            servers.killBroker("broker-a");
            assertThat(ProcessHandle.of(killed).filter(ProcessHandle::isAlive)).as("broker-a after SIGKILL").isEmpty();

            servers.restartBroker("broker-a", START_BUDGET);
            long restarted = servers.brokerPids().get("broker-a");
            assertThat(restarted).isNotEqualTo(killed);
            assertThat(ProcessHandle.of(restarted)).get().matches(ProcessHandle::isAlive);
            assertThat(servers.brokerPids().get("broker-b")).isEqualTo(brokerPids.get("broker-b"));
            assertThat(servers.brokerStoreDir("broker-a").getParent()).isEqualTo(stores);
            ProcessHandle.of(restarted).ifPresent(processes::add);

            assertThat(readAt(servers, stored.getMessageQueue(), stored.getQueueOffset()))
                    .as("the message stored before the crash").isEqualTo("before-the-crash");
            producer = producer(servers, "shared-servers-after");
            try {
                SendResult after = producer.send(message("after-the-restart"), stored.getMessageQueue(), 15_000);
                assertThat(after.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                assertThat(after.getQueueOffset()).isGreaterThan(stored.getQueueOffset());
            } finally {
                producer.shutdown();
            }

            servers.close(); // SIGTERM
            assertThat(ProcessHandle.of(servers.pid()).filter(ProcessHandle::isAlive)).as("launcher after SIGTERM").isEmpty();
            awaitGone(processes, Duration.ofSeconds(10));
            assertThat(processes.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid))
                    .as("server processes alive after SIGTERM").isEmpty();
            assertThat(file).as("the address file").doesNotExist();
            assertThat(stores).as("the RocketMQ stores").doesNotExist();
            for (int port : ports) {
                assertThat(ListeningSockets.addressesListeningOn(port)).as("listeners of port %d after stop", port).isEmpty();
            }
        } finally {
            servers.close();
            processes.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** With a Redis Cluster ({@code --redis cluster}): its three masters are in the file and die with the rest. */
    @Test
    void aKilledLauncherTakesItsChildrenAndTheirFilesWithIt() throws Exception {
        Path file = dir.resolve("servers.properties");
        SharedServersProcess servers = SharedServersProcess.start(file, log(), List.of(TOPIC), START_BUDGET,
                List.of("--redis", "cluster"));
        List<ProcessHandle> processes = new ArrayList<>();
        try {
            ProcessHandle launcher = ProcessHandle.of(servers.pid()).orElseThrow();
            processes.addAll(launcher.descendants().toList());
            assertThat(processes.stream().map(ProcessHandle::pid)).as("launcher's processes")
                    .contains(servers.nameServerPid()).containsAll(servers.brokerPids().values());
            Path stores = servers.brokerStoreDir("broker-a").getParent();
            String nodes = servers.addresses().getProperty("spring.data.redis.cluster.nodes");
            assertThat(nodes).as("cluster nodes in the file").isNotBlank();
            assertThat(servers.addresses()).as("no single-server URL with a cluster").doesNotContainKey("spring.data.redis.url");
            assertThat(nodes.split(",")).hasSize(3);
            for (String node : nodes.split(",")) {
                int port = Integer.parseInt(node.substring(node.indexOf(':') + 1));
                assertThat(clusterInfo(port))
                        .as("node %s", node).contains("cluster_state:ok");
            }
            assertThat(servers.addresses().getProperty("tradekit.dev-services.shared.redis.pids").split(","))
                    .as("the three redis-server processes").hasSize(3);

            launcher.destroyForcibly(); // SIGKILL: no shutdown hook of the launcher runs
            assertThat(launcher.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
            awaitGone(processes, ORPHAN_BUDGET);

            assertThat(processes.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid))
                    .as("processes still alive %s after the launcher was killed", ORPHAN_BUDGET).isEmpty();
            assertThat(file).as("the address file").doesNotExist();
            assertThat(stores).as("the RocketMQ stores").doesNotExist();
        } finally {
            servers.close();
            processes.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** {@code CLUSTER INFO} of the node on {@code port}, as an inline command over a plain socket. */
    private static String clusterInfo(int port) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("CLUSTER INFO\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] buffer = new byte[4096];
            int read = socket.getInputStream().read(buffer);
            return read <= 0 ? "" : new String(buffer, 0, read, StandardCharsets.US_ASCII);
        }
    }

    /** Kept after the test (the temp dir is not), for a failure's story. */
    private static Path log() throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "shared-servers-logs"));
        return Files.createTempFile(logs, "launcher-", ".log");
    }

    private static DefaultMQProducer producer(SharedServersProcess servers, String group) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer(group);
        producer.setNamesrvAddr(servers.nameServerAddress());
        producer.start();
        return producer;
    }

    private static Message message(String body) {
        return new Message(TOPIC, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The body of the message at {@code offset} of {@code queue}, read by a new consumer (or null). */
    private static String readAt(SharedServersProcess servers, MessageQueue queue, long offset) throws Exception {
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer("shared-servers-reader");
        consumer.setNamesrvAddr(servers.nameServerAddress());
        consumer.setAutoCommit(false);
        consumer.start();
        try {
            consumer.assign(List.of(queue));
            consumer.seek(queue, offset);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (System.nanoTime() < deadline) {
                for (MessageExt message : consumer.poll(1_000)) {
                    if (message.getQueueOffset() == offset) {
                        return new String(message.getBody(), StandardCharsets.UTF_8);
                    }
                }
            }
            return null;
        } finally {
            consumer.shutdown();
        }
    }

    private static void awaitGone(List<ProcessHandle> processes, Duration budget) throws InterruptedException {
        long deadline = System.nanoTime() + budget.toNanos();
        while (processes.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static int port(String hostAndPort) {
        return Integer.parseInt(hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1));
    }
}
