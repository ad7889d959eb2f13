package io.tradekit.devservices.standalone;

import io.tradekit.devservices.DevServiceStartException;
import io.tradekit.devservices.rocketmq.RocketMqServers;
import io.tradekit.devservices.support.FreePorts;
import io.tradekit.devservices.support.TempDirs;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A RocketMQ name server and two master brokers ({@value #BROKER_A}, {@value #BROKER_B}), each a JVM of
 * its own ({@link RocketMqServerMain}) on 127.0.0.1, all stores under one temp directory. Topics are
 * created on both brokers, so a producer spreads its messages over the queues of both. A broker that
 * died (a crash test's {@code kill -9}) can be started again on the same port and store, where it
 * recovers the messages it had.
 */
final class RocketMqProcesses implements AutoCloseable {

    static final String BROKER_A = "broker-a";
    static final String BROKER_B = "broker-b";
    private static final List<String> BROKERS = List.of(BROKER_A, BROKER_B);
    /** A graceful broker shutdown takes about 11 s (the store sleeps 3 s and waits on each executor). */
    private static final Duration BROKER_STOP_GRACE = Duration.ofSeconds(25);
    private static final Duration NAME_SERVER_STOP_GRACE = Duration.ofSeconds(10);
    /** It drops a broker when its connection closes, at the latest when it misses 120 s of heartbeats. */
    private static final Duration NAME_SERVER_FORGETS = Duration.ofSeconds(150);

    /**
     * @param topics                   created on every broker before start returns
     * @param transactionCheckInterval the brokers' check-back interval
     * @param transactionTimeout       age of a half message before its first check-back
     * @param transactionCheckMax      check rounds of a half message before a broker discards it
     * @param startTimeout             for each server to be up (and, at the start, routed)
     * @param orphanKill               processes the name server kills if the launcher dies (its Redis)
     * @param orphanDelete             files and directories every server removes if the launcher dies
     * @param orphanKillPidFiles       pid files the name server reads when the launcher dies, killing each
     *                                 process named there (a Redis restarted after this start has a new pid)
     */
    record Settings(List<String> topics, Duration transactionCheckInterval, Duration transactionTimeout,
                    int transactionCheckMax,
                    Duration startTimeout, List<Long> orphanKill, List<Path> orphanDelete,
                    List<Path> orphanKillPidFiles) {
    }

    /** One server JVM: what it is started with, and its current process. */
    static final class Server {
        final String name;
        final int port;
        final Path dir;
        final Path readyFile;
        volatile Process process;

        Server(String name, int port, Path dir, Path readyFile) {
            this.name = name;
            this.port = port;
            this.dir = dir;
            this.readyFile = readyFile;
        }

        String address() {
            return FreePorts.LOOPBACK + ":" + port;
        }

        long pid() {
            Process current = process;
            return current == null ? -1 : current.pid();
        }
    }

    private final Settings settings;
    private final Path root;
    private final Server nameServer;
    private final Map<String, Server> brokers = new LinkedHashMap<>();

    private RocketMqProcesses(Settings settings, Path root) {
        this.settings = settings;
        this.root = root;
        this.nameServer = new Server(RocketMqServerMain.NAME_SERVER, FreePorts.next(), root.resolve("namesrv"),
                root.resolve("namesrv.ready"));
        for (String name : BROKERS) {
            brokers.put(name, new Server(name, FreePorts.nextWithCompanion(RocketMqServers.FAST_CHANNEL_OFFSET),
                    root.resolve(name), root.resolve(name + ".ready")));
        }
    }

    /** Starts the name server, then both brokers at once, and waits until every topic is routed to both. */
    static RocketMqProcesses start(Settings settings) {
        // Our own name-server probe is a RocketMQ client: keep its logging off the user's home too.
        RocketMqServers.prepareJvm();
        RocketMqProcesses servers = new RocketMqProcesses(settings, TempDirs.create("rocketmq-shared"));
        try {
            servers.launch(servers.nameServer);
            servers.awaitReady(servers.nameServer);
            for (Server broker : servers.brokers.values()) {
                servers.launch(broker);
            }
            for (Server broker : servers.brokers.values()) {
                servers.awaitReady(broker);
            }
            servers.awaitRoutes(servers.brokers.keySet());
            return servers;
        } catch (RuntimeException e) {
            servers.close();
            throw e;
        }
    }

    String nameServerAddress() {
        return nameServer.address();
    }

    Server nameServer() {
        return nameServer;
    }

    /** The brokers by name, in start order. */
    Map<String, Server> brokers() {
        return brokers;
    }

    /**
     * Starts broker {@code name} again on its port and store and waits until it serves its topics.
     * A broker still running is killed first ({@code SIGKILL}, as a crash would): a restart always
     * goes through the store's crash recovery.
     */
    synchronized void restartBroker(String name) {
        Server broker = brokers.get(name);
        if (broker == null) {
            throw new IllegalArgumentException("no broker " + name + "; brokers: " + brokers.keySet());
        }
        Process old = broker.process;
        if (old != null && old.isAlive()) {
            old.destroyForcibly();
            try {
                if (!old.waitFor(30, TimeUnit.SECONDS)) {
                    throw new DevServiceStartException("broker " + name + " (pid " + old.pid() + ") did not die on SIGKILL");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DevServiceStartException("interrupted while killing broker " + name, e);
            }
        }
        awaitForgotten(broker);
        launch(broker);
        awaitReady(broker);
        // Only the live ones: a crash test may have killed the other broker too.
        awaitRoutes(brokers.values().stream().filter(b -> b.process != null && b.process.isAlive())
                .map(b -> b.name).collect(java.util.stream.Collectors.toSet()));
    }

    /**
     * Until the name server has dropped the dead broker. It does so asynchronously when it sees the
     * broker's connection close, and by the broker's address: a new broker on the same address that
     * registered before that would be dropped with it, and be unroutable until its next heartbeat (30 s).
     */
    private void awaitForgotten(Server broker) {
        long deadline = System.nanoTime() + NAME_SERVER_FORGETS.toNanos();
        try (NameServerProbe probe = new NameServerProbe(nameServer.address())) {
            while (true) {
                try {
                    if (!probe.brokers().contains(broker.name)) {
                        return;
                    }
                } catch (Exception e) {
                    // no answer: ask again until the deadline
                }
                if (System.nanoTime() > deadline) {
                    throw new DevServiceStartException("the name server " + nameServer.address() + " still routes to the dead "
                            + broker.name + " after " + NAME_SERVER_FORGETS.toSeconds() + " s");
                }
                sleep(100);
            }
        }
    }

    private void launch(Server server) {
        try {
            Files.deleteIfExists(server.readyFile);
            Files.createDirectories(server.dir);
        } catch (IOException e) {
            throw new DevServiceStartException("cannot prepare " + server.dir + " for RocketMQ " + server.name + ": " + e, e);
        }
        List<String> args = new ArrayList<>();
        boolean isNameServer = server == nameServer;
        args.add(isNameServer ? RocketMqServerMain.NAME_SERVER : RocketMqServerMain.BROKER);
        add(args, "--name", server.name);
        add(args, "--port", Integer.toString(server.port));
        add(args, "--dir", server.dir.toString());
        add(args, "--ready-file", server.readyFile.toString());
        List<String> delete = new ArrayList<>();
        delete.add(root.toString());
        settings.orphanDelete().forEach(p -> delete.add(p.toString()));
        add(args, "--orphan-delete", String.join(File.pathSeparator, delete));
        if (isNameServer) {
            if (!settings.orphanKill().isEmpty()) {
                add(args, "--orphan-kill", String.join(",", settings.orphanKill().stream().map(String::valueOf).toList()));
            }
            if (!settings.orphanKillPidFiles().isEmpty()) {
                add(args, "--orphan-kill-pid-files", String.join(File.pathSeparator,
                        settings.orphanKillPidFiles().stream().map(Path::toString).toList()));
            }
        } else {
            add(args, "--name-server", nameServer.address());
            add(args, "--topics", String.join(",", settings.topics()));
            add(args, "--transaction-check-interval", Long.toString(settings.transactionCheckInterval().toMillis()));
            add(args, "--transaction-timeout", Long.toString(settings.transactionTimeout().toMillis()));
            add(args, "--transaction-check-max", Integer.toString(settings.transactionCheckMax()));
        }
        // Serial GC and small heaps: three extra JVMs on a developer's laptop (or a 2-core CI box).
        List<String> jvm = isNameServer ? List.of("-Xms32m", "-Xmx128m", "-XX:+UseSerialGC")
                : List.of("-Xms64m", "-Xmx256m", "-XX:MaxDirectMemorySize=256m", "-XX:+UseSerialGC");
        // Its temp files (the broker writes TLS key files there) go with the stores when we remove them.
        Path tmp = root.resolve("tmp");
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new DevServiceStartException("cannot create " + tmp + ": " + e, e);
        }
        ProcessBuilder builder = new ProcessBuilder(ChildJvm.command(jvm, tmp, RocketMqServerMain.class, args))
                // Their log lines join the launcher's; standard input stays a pipe from us: its end tells
                // them that the launcher is gone.
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            server.process = builder.start();
        } catch (IOException e) {
            throw new DevServiceStartException("cannot start a JVM for RocketMQ " + server.name + ": " + e, e);
        }
    }

    private static void add(List<String> args, String name, String value) {
        args.add(name);
        args.add(value);
    }

    /** Until the server wrote its own pid to its ready file (a broker: after registering its topics). */
    private void awaitReady(Server server) {
        Process process = server.process;
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        while (true) {
            try {
                if (Files.exists(server.readyFile)
                        && Files.readString(server.readyFile, StandardCharsets.US_ASCII).trim().equals(Long.toString(process.pid()))) {
                    return;
                }
            } catch (IOException e) {
                // being written: look again
            }
            if (!process.isAlive()) {
                throw new DevServiceStartException("RocketMQ " + server.name + " exited with " + process.exitValue()
                        + " while starting on " + server.address() + " (its log is above)");
            }
            if (System.nanoTime() > deadline) {
                throw new DevServiceStartException("RocketMQ " + server.name + " not up on " + server.address()
                        + " after " + settings.startTimeout().toSeconds() + " s");
            }
            sleep(100);
        }
    }

    /** The name server's own view: every broker registered, every topic routed to every live broker. */
    private void awaitRoutes(Set<String> expected) {
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        try (NameServerProbe probe = new NameServerProbe(nameServer.address())) {
            String missing = "brokers";
            while (true) {
                try {
                    missing = null;
                    if (!probe.brokers().containsAll(expected)) {
                        missing = "brokers (registered: " + probe.brokers() + ")";
                    }
                    for (String topic : settings.topics()) {
                        if (missing == null && !probe.brokersOf(topic).containsAll(expected)) {
                            missing = "a route of topic " + topic + " to " + expected;
                        }
                    }
                } catch (Exception e) {
                    missing = "an answer (" + e + ")";
                }
                if (missing == null) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new DevServiceStartException("RocketMQ name server " + nameServer.address() + " has no "
                            + missing + " after " + settings.startTimeout().toSeconds() + " s");
                }
                sleep(100);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevServiceStartException("interrupted while starting RocketMQ", e);
        }
    }

    /**
     * Brokers first (they unregister from the name server), then the name server: each {@code SIGTERM},
     * a bounded wait, then {@code SIGKILL}. Then the stores go.
     */
    @Override
    public synchronized void close() {
        List<Process> brokerProcesses = brokers.values().stream().map(b -> b.process).filter(p -> p != null).toList();
        stop(brokerProcesses, BROKER_STOP_GRACE);
        if (nameServer.process != null) {
            stop(List.of(nameServer.process), NAME_SERVER_STOP_GRACE);
        }
        TempDirs.deleteQuietly(root);
    }

    private static void stop(List<Process> processes, Duration grace) {
        // SIGTERM through the handle: Process.destroy() would also close our pipe to the server's standard
        // input, which it takes for the launcher's death and halts, skipping its graceful shutdown.
        processes.forEach(p -> p.toHandle().destroy());
        long deadline = System.nanoTime() + grace.toNanos();
        for (Process process : processes) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!process.waitFor(left, TimeUnit.NANOSECONDS)) {
                    System.err.println("RocketMQ server pid " + process.pid() + " still up after " + grace.toSeconds()
                            + " s: killing it");
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
