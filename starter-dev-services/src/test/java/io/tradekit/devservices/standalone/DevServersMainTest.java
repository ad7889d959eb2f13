package io.tradekit.devservices.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.devservices.support.ListeningSockets;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as it is used: a child JVM, its address file read as an application would, every server
 * used for real, then SIGTERM. Its own {@code java.io.tmpdir} shows which temp directories it leaves.
 */
class DevServersMainTest {

    private static final Duration START_BUDGET = Duration.ofMinutes(2);
    private static final String TOPIC = "devservers-test";

    @TempDir
    Path dir;

    @Test
    void startsSharedServersWritesTheirAddressesAndStopsCleanlyOnSigterm() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path file = dir.resolve("servers.properties");
        Path log = dir.resolve("launcher.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process launcher = new ProcessBuilder(java, "-Xmx384m", "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), DevServersMain.class.getName(),
                "--file", file.toString(), "--topics", TOPIC)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            awaitFile(launcher, file, log);
            Properties servers = new Properties();
            try (var in = Files.newInputStream(file)) {
                servers.load(in);
            }
            assertThat(servers.getProperty("tradekit.dev-services.shared-servers")).isEqualTo("true");
            assertThat(servers.getProperty("tradekit.dev-services.shared-servers-pid")).isEqualTo(Long.toString(launcher.pid()));
            List<Integer> ports = new ArrayList<>();

            int redisPort = Integer.parseInt(servers.getProperty("spring.data.redis.port"));
            assertThat(servers.getProperty("spring.data.redis.url")).isEqualTo("redis://127.0.0.1:" + redisPort);
            assertThat(redisCommand(redisPort, "PING")).isEqualTo("+PONG");
            ports.add(redisPort);

            String zooKeeper = servers.getProperty("tradekit.dev-services.zookeeper.connect-string");
            assertThat(servers.getProperty("dubbo.registry.address")).isEqualTo("zookeeper://" + zooKeeper);
            try (CuratorFramework client = CuratorFrameworkFactory.newClient(zooKeeper, new RetryOneTime(100))) {
                client.start();
                assertThat(client.blockUntilConnected(30, TimeUnit.SECONDS)).isTrue();
                client.create().creatingParentsIfNeeded().forPath("/tradekit/shared", "up".getBytes(StandardCharsets.UTF_8));
                assertThat(new String(client.getData().forPath("/tradekit/shared"), StandardCharsets.UTF_8)).isEqualTo("up");
            }
            ports.add(port(zooKeeper));

            String nameServer = servers.getProperty("rocketmq.name-server");
            DefaultMQProducer producer = new DefaultMQProducer("devservers-test-producer");
            producer.setNamesrvAddr(nameServer);
            producer.start();
            try {
                SendResult sent = producer.send(new Message(TOPIC, "hello".getBytes(StandardCharsets.UTF_8)), 15_000);
                assertThat(sent.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            } finally {
                producer.shutdown();
            }
            ports.add(port(nameServer));

            // The RocketMQ servers: JVMs of their own, children of the launcher, each named with its port and store.
            assertThat(servers.getProperty("tradekit.dev-services.shared.name-server.address")).isEqualTo(nameServer);
            assertThat(servers.getProperty("tradekit.dev-services.shared.brokers")).isEqualTo("broker-a,broker-b");
            List<Long> children = launcher.children().map(ProcessHandle::pid).toList();
            assertThat(children).contains(Long.parseLong(servers.getProperty("tradekit.dev-services.shared.name-server.pid")));
            for (String broker : List.of("broker-a", "broker-b")) {
                String prefix = "tradekit.dev-services.shared.broker." + broker + ".";
                long pid = Long.parseLong(servers.getProperty(prefix + "pid"));
                assertThat(pid).isNotEqualTo(launcher.pid());
                assertThat(children).as("children of the launcher").contains(pid);
                int brokerPort = Integer.parseInt(servers.getProperty(prefix + "port"));
                assertThat(servers.getProperty(prefix + "address")).isEqualTo("127.0.0.1:" + brokerPort);
                assertThat(Path.of(servers.getProperty(prefix + "store-dir"))).isDirectory().startsWith(tmp);
                ports.add(brokerPort);
            }

            // One database for every process: what one connection writes, another one reads.
            String jdbc = servers.getProperty("spring.datasource.url");
            assertThat(jdbc).startsWith("jdbc:h2:tcp://127.0.0.1:").contains("/mem:tradekit;MODE=MySQL");
            try (Connection writer = DriverManager.getConnection(jdbc, "sa", "");
                 Statement statement = writer.createStatement()) {
                statement.execute("CREATE TABLE shared_probe (id INT PRIMARY KEY)");
                statement.execute("INSERT INTO shared_probe VALUES (7)");
            }
            try (Connection reader = DriverManager.getConnection(jdbc, "sa", "");
                 ResultSet rows = reader.createStatement().executeQuery("SELECT id FROM shared_probe")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(7);
            }
            ports.add(Integer.parseInt(jdbc.substring("jdbc:h2:tcp://127.0.0.1:".length(), jdbc.indexOf("/mem:"))));

            for (int port : ports) {
                assertThat(ListeningSockets.addressesListeningOn(port)).as("listeners of port %d", port)
                        .isNotEmpty().allMatch(ListeningSockets::isLoopback);
            }
            try (Stream<Path> dirs = Files.list(tmp)) {
                assertThat(dirs.map(p -> p.getFileName().toString())).as("temp dirs while running")
                        .anyMatch(n -> n.startsWith("tradekit-redis-")).anyMatch(n -> n.startsWith("tradekit-h2-"))
                        .anyMatch(n -> n.startsWith("tradekit-rocketmq-")).anyMatch(n -> n.startsWith("tradekit-zookeeper-"));
            }

            launcher.destroy(); // SIGTERM
            assertThat(launcher.waitFor(90, TimeUnit.SECONDS)).as("the launcher exits after SIGTERM").isTrue();

            for (int port : ports) {
                assertThat(ListeningSockets.addressesListeningOn(port)).as("listeners of port %d after stop", port).isEmpty();
            }
            assertThat(file).as("the address file is removed").doesNotExist();
            try (Stream<Path> left = Files.list(tmp)) {
                assertThat(left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("tradekit-")))
                        .as("temp dirs left").isEmpty();
            }
        } finally {
            if (launcher.isAlive()) {
                launcher.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void refusesABadCommandLineWithItsUsage() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process launcher = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DevServersMain.class.getName(), "--port", "1").redirectErrorStream(true).start();
        try {
            String output = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(launcher.exitValue()).isEqualTo(2);
            assertThat(output).contains("unknown option --port").contains("usage: DevServersMain");
        } finally {
            launcher.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void awaitFile(Process launcher, Path file, Path log) throws Exception {
        long deadline = System.nanoTime() + START_BUDGET.toNanos();
        while (!Files.exists(file)) {
            assertThat(launcher.isAlive()).as("launcher alive; log:%n%s", Files.readString(log)).isTrue();
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("no address file within the " + START_BUDGET + " bound of this wait; log:\n"
                        + Files.readString(log));
            }
            Thread.sleep(200);
        }
    }

    private static int port(String hostAndPort) {
        return Integer.parseInt(hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1));
    }

    /** One inline command over RESP, its reply line. */
    private static String redisCommand(int port, String command) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }
}
