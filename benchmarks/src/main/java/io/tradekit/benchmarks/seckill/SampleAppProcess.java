package io.tradekit.benchmarks.seckill;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The repackaged sample app started as a child JVM ({@code java -jar}) on 127.0.0.1 with a free HTTP
 * port and a free port for its in-JVM Redis dev service (so the driver can measure that very Redis).
 * A child process rather than in-process: the Boot jar's classes sit under BOOT-INF and cannot be a
 * plain dependency, and a separate JVM keeps the driver's allocation and threads out of the server's.
 */
final class SampleAppProcess implements AutoCloseable {

    private final Process process;
    private final int httpPort;
    private final int redisPort;
    private final Path log;

    private SampleAppProcess(Process process, int httpPort, int redisPort, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.redisPort = redisPort;
        this.log = log;
    }

    /** Starts the jar and waits (at most {@code startTimeout}) until /actuator/health answers UP. */
    static SampleAppProcess start(Path jar, Path log, String heap, List<String> extraArgs, Duration startTimeout)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no sample app jar at " + jar
                    + " (build it: mvn -B -q -pl sample-nft-app -am package -DskipTests)");
        }
        int httpPort = freePort();
        int redisPort = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-jar", jar.toString(),
                "--server.address=127.0.0.1", "--server.port=" + httpPort,
                "--tradekit.dev-services.redis.port=" + redisPort,
                // The broker's production default: dev services check half messages after 1 s so tests
                // are quick, which under load turns every slow commit into a check-back (run 1 and 2).
                "--tradekit.dev-services.rocketmq.transaction-timeout=6s"));
        command.addAll(extraArgs);
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        SampleAppProcess app = new SampleAppProcess(process, httpPort, redisPort, log);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close));
        try {
            app.awaitHealthy(startTimeout);
        } catch (IOException | InterruptedException | RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    int httpPort() {
        return httpPort;
    }

    int redisPort() {
        return redisPort;
    }

    long pid() {
        return process.pid();
    }

    private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create("http://127.0.0.1:" + httpPort + "/actuator/health");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the sample app exited with " + process.exitValue() + "; see " + log);
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
        throw new IllegalStateException("the sample app was not healthy within " + timeout + "; see " + log);
    }

    /** SIGTERM (Boot's graceful shutdown stops the dev services), then a kill after 30 s. */
    @Override
    public void close() {
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
