package io.tradekit.sample.nft.multiprocess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The sample's repackaged Boot jar as a child JVM ({@code java -jar}) on 127.0.0.1 with a free HTTP port,
 * its output in a log file. Reaped on {@link #close()} and by a shutdown hook, so it never outlives the test
 * JVM; a child that fails to start is stopped and the tail of its log goes into the exception.
 */
final class BootJarProcess implements AutoCloseable {

    private static final int LOG_TAIL_LINES = 60;

    private final String name;
    private final Process process;
    private final int httpPort;
    private final Path log;
    private final Thread hook;

    private BootJarProcess(String name, Process process, int httpPort, Path log) {
        this.name = name;
        this.process = process;
        this.httpPort = httpPort;
        this.log = log;
        this.hook = new Thread(this::stop, "reap-" + name);
    }

    /** The jar {@code mvn package} built: {@code target/sample-nft-app-*.jar}, not the {@code .original}. */
    static Path locateJar() throws IOException {
        Path target = Path.of("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("sample-nft-app-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no sample-nft-app-*.jar in "
                            + target.toAbsolutePath() + ": the multi-process tests run after `package`"
                            + " (mvn -pl sample-nft-app verify)"));
        }
    }

    /**
     * Starts the jar with {@code args} and waits (at most {@code timeout}) until {@code /actuator/health}
     * answers UP.
     */
    static BootJarProcess start(String name, Path jar, Path log, String heap, List<String> args, Duration timeout)
            throws IOException, InterruptedException {
        int httpPort = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-XX:+UseSerialGC",
                // Dubbo advertises loopback only when every interface is ignored (the parent pom's test setting).
                "-Ddubbo.network.interface.ignored=.*", "-Dfile.encoding=UTF-8",
                "-jar", jar.toAbsolutePath().toString(),
                "--server.address=127.0.0.1", "--server.port=" + httpPort));
        command.addAll(args);
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        BootJarProcess child = new BootJarProcess(name, process, httpPort, log);
        Runtime.getRuntime().addShutdownHook(child.hook);
        try {
            child.awaitHealthy(timeout);
        } catch (IOException | InterruptedException | RuntimeException e) {
            child.close();
            throw e;
        }
        return child;
    }

    int httpPort() {
        return httpPort;
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create("http://127.0.0.1:" + httpPort + "/actuator/health");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; "
                        + tail());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(health)
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // connection refused while the app starts
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " was not healthy within " + timeout + "; " + tail());
    }

    /** The last lines of the child's log, for a failure message. */
    String tail() {
        try {
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return "last lines of " + log.toAbsolutePath() + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "log " + log.toAbsolutePath() + " unreadable: " + e;
        }
    }

    /** SIGTERM (Boot's graceful shutdown), then a kill after 30 s. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it stops the child itself
        }
    }

    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
