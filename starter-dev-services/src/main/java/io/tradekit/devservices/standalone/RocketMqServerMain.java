package io.tradekit.devservices.standalone;

import io.tradekit.devservices.rocketmq.RocketMqServers;
import io.tradekit.devservices.support.FreePorts;
import io.tradekit.devservices.support.ParentWatch;
import io.tradekit.devservices.support.TempDirs;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.rocketmq.broker.BrokerController;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * One RocketMQ server (the official Apache name server or a broker) as a JVM of its own, started
 * by {@link RocketMqProcesses} for {@link DevServersMain}; not meant to be run by hand.
 *
 * <pre>
 * RocketMqServerMain name-server --port P --dir D --ready-file F [--orphan-kill pid,..] [--orphan-kill-pid-files path:..] [--orphan-delete path:..]
 * RocketMqServerMain broker --name broker-a --port P --dir D --name-server 127.0.0.1:N --topics a,b
 *                    --transaction-check-interval MS --transaction-timeout MS [--transaction-check-max N]
 *                    --ready-file F [--orphan-delete ..]
 * </pre>
 *
 * <p>Once serving (a broker: registered with its topics), it writes its pid to the ready file.
 * {@code SIGTERM} shuts it down gracefully; {@code SIGINT} is ignored, because Ctrl-C in a terminal
 * reaches the whole process group and the launcher must stop the brokers before the name server.
 * When the launcher dies (its pipe on our standard input ends, even after {@code kill -9}) the
 * server halts at once, after killing the {@code --orphan-kill} processes and deleting the
 * {@code --orphan-delete} paths: the launcher's last will, since it can no longer clean up itself.
 */
public final class RocketMqServerMain {

    static final String NAME_SERVER = "name-server";
    static final String BROKER = "broker";
    /** Exit status of a server that found its launcher gone. */
    static final int ORPHANED = 3;

    private RocketMqServerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || (args.length - 1) % 2 != 0) {
            System.err.println("usage: RocketMqServerMain name-server|broker --name value ...");
            System.exit(2);
            return;
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        ParentWatch.onParentGone(() -> orphaned(options));
        ignoreCtrlC();
        RocketMqServers.prepareJvm();
        try {
            if (NAME_SERVER.equals(args[0])) {
                // No shutdown of its own on SIGTERM: a name server keeps nothing worth saving (routes come back
                // with the brokers' registrations), and its shutdown interrupts its unregistration thread, which
                // logs that at ERROR with a stack trace. The exit closes its port.
                RocketMqServers.startNameServer(port(options), dir(options));
            } else if (BROKER.equals(args[0])) {
                BrokerController broker = RocketMqServers.startBroker(new RocketMqServers.BrokerSpec(
                        required(options, "--name"), required(options, "--name-server"), port(options), dir(options),
                        Duration.ofMillis(Long.parseLong(required(options, "--transaction-check-interval"))),
                        Duration.ofMillis(Long.parseLong(required(options, "--transaction-timeout"))),
                        Integer.parseInt(options.getOrDefault("--transaction-check-max",
                                Integer.toString(RocketMqServers.BrokerSpec.DEFAULT_TRANSACTION_CHECK_MAX)))));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(broker), "tradekit-broker-stop"));
                RocketMqServers.createTopics(broker, list(options.getOrDefault("--topics", ""), ","));
            } else {
                throw new IllegalArgumentException("unknown server " + args[0] + ", expected " + NAME_SERVER + " or " + BROKER);
            }
            ready(Path.of(required(options, "--ready-file")));
        } catch (Exception | LinkageError e) {
            System.err.println("tradekit RocketMQ " + args[0] + " " + options.getOrDefault("--name", "")
                    + " failed to start on " + FreePorts.LOOPBACK + ":" + options.get("--port") + ": " + e);
            System.exit(1);
            return;
        }
        new CountDownLatch(1).await();
    }

    private static void stop(BrokerController broker) {
        // As RocketMqDevService.restartBroker: the check service first, or its failing rounds during the
        // shutdown count toward transactionCheckMax and discard pending half messages.
        if (broker.getTransactionalMessageCheckService() != null) {
            broker.getTransactionalMessageCheckService().shutdown();
        }
        broker.shutdown();
    }

    private static void ready(Path file) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(partial, Long.toString(ProcessHandle.current().pid()), StandardCharsets.US_ASCII);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The launcher is gone: nobody will stop us or remove its files, so do both, without waiting. */
    private static void orphaned(Map<String, String> options) {
        System.err.println("tradekit RocketMQ server " + options.getOrDefault("--name", "") + ": launcher gone, exiting");
        for (String pid : list(options.getOrDefault("--orphan-kill", ""), ",")) {
            ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
        }
        for (String pidFile : list(options.getOrDefault("--orphan-kill-pid-files", ""), File.pathSeparator)) {
            killNamedIn(Path.of(pidFile));
        }
        for (String path : list(options.getOrDefault("--orphan-delete", ""), File.pathSeparator)) {
            TempDirs.deleteQuietly(Path.of(path));
        }
        // halt, not exit: the graceful broker shutdown takes about 11 s and would only delay the end.
        Runtime.getRuntime().halt(ORPHANED);
    }

    /**
     * Kills the process whose pid the file holds, if it is still a redis-server: the pid file of a Redis
     * the launcher restarted after starting us (its first pid is in {@code --orphan-kill}).
     */
    private static void killNamedIn(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim());
            ProcessHandle.of(pid)
                    .filter(p -> p.info().command().map(c -> c.contains("redis-server")).orElse(false))
                    .ifPresent(ProcessHandle::destroyForcibly);
        } catch (IOException | NumberFormatException e) {
            // no file (never restarted, or already gone) or a half-written one: nothing to kill
        }
    }

    private static void ignoreCtrlC() {
        try {
            Signal.handle(new Signal("INT"), SignalHandler.SIG_IGN);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // no SIGINT here (or -Xrs): the launcher still stops us with SIGTERM
        }
    }

    private static int port(Map<String, String> options) {
        return Integer.parseInt(required(options, "--port"));
    }

    private static Path dir(Map<String, String> options) {
        return Path.of(required(options, "--dir"));
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + name);
        }
        return value;
    }

    private static List<String> list(String value, String separator) {
        return Arrays.stream(value.split(java.util.regex.Pattern.quote(separator))).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }
}
