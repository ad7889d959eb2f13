package io.tradekit.devservices.standalone;

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
 * A Spring Boot application's repackaged jar as a child JVM ({@code java -jar}) on 127.0.0.1 with a free
 * HTTP port, its output in a log file: what multi-process tests and load drivers start beside
 * {@link SharedServersProcess}. {@link #start} waits until {@code /actuator/health} answers UP. Reaped on
 * {@link #close()} and by a shutdown hook, so it never outlives the caller's JVM when that exits; a child
 * that fails to start is stopped and the tail of its log goes into the exception.
 *
 * <p>For crash tests: {@link #pid()}, {@link #kill()} (a {@code kill -9}), and
 * {@link #startWithLoaderPath} to add test-only classes to the application without building them into
 * its jar.
 */
public final class BootAppProcess implements AutoCloseable {

    private static final int LOG_TAIL_LINES = 60;
    /** The Boot jar's launcher that reads {@code loader.path}: JarLauncher (the manifest's) ignores it. */
    static final String PROPERTIES_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private final String name;
    private final Process process;
    private final int httpPort;
    private final Path log;
    private final Thread hook;

    private BootAppProcess(String name, Process process, int httpPort, Path log) {
        this.name = name;
        this.process = process;
        this.httpPort = httpPort;
        this.log = log;
        this.hook = new Thread(this::stop, "reap-" + name);
    }

    /**
     * The jar {@code mvn package} built in {@code target} whose name matches {@code artifactId-*.jar} (not
     * the {@code .original}); the message says to build it when there is none.
     */
    public static Path locateJar(Path target, String artifactId) throws IOException {
        if (!Files.isDirectory(target)) {
            throw new IllegalStateException("no " + target.toAbsolutePath() + ": build the jar first (mvn package)");
        }
        String pattern = java.util.regex.Pattern.quote(artifactId) + "-.*\\.jar";
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches(pattern))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no " + artifactId + "-*.jar in "
                            + target.toAbsolutePath() + ": build it first (mvn package); tests that need it run"
                            + " after `package`, in `mvn verify`"));
        }
    }

    /**
     * Starts the jar with {@code args} on a small heap with the serial collector (several children share
     * a small machine) and waits (at most {@code timeout}) until {@code /actuator/health} answers UP.
     */
    public static BootAppProcess start(String name, Path jar, Path log, String heap, List<String> args,
                                       Duration timeout) throws IOException, InterruptedException {
        return start(name, jar, log, List.of("-Xmx" + heap, "-XX:+UseSerialGC"), args, timeout);
    }

    /**
     * Starts the jar with the JVM options {@code jvmOptions} (heap, collector) and the application
     * arguments {@code args}, and waits (at most {@code timeout}) until {@code /actuator/health} answers UP.
     */
    public static BootAppProcess start(String name, Path jar, Path log, List<String> jvmOptions, List<String> args,
                                       Duration timeout) throws IOException, InterruptedException {
        return launch(name, jar, List.of("-jar", jar.toAbsolutePath().toString()), log, jvmOptions, args, timeout);
    }

    /**
     * As {@link #start(String, Path, Path, List, List, Duration)}, with the classes (and jars) of the
     * directory {@code loaderPath} loaded beside the jar's own: the jar's {@code PropertiesLauncher} with
     * {@code -Dloader.path}, which runs the manifest's {@code Start-Class} as {@code java -jar} does. A crash
     * test puts test-only beans there (named by {@code --spring.main.sources=...} in {@code args}), so no
     * fault hook ever ships in the application jar.
     */
    public static BootAppProcess startWithLoaderPath(String name, Path jar, Path loaderPath, Path log,
                                                     List<String> jvmOptions, List<String> args, Duration timeout)
            throws IOException, InterruptedException {
        if (!Files.isDirectory(loaderPath)) {
            throw new IllegalArgumentException("no loader path directory " + loaderPath.toAbsolutePath());
        }
        return launch(name, jar, List.of("-cp", jar.toAbsolutePath().toString(),
                "-Dloader.path=" + loaderPath.toAbsolutePath(), PROPERTIES_LAUNCHER), log, jvmOptions, args, timeout);
    }

    /** {@code java <jvmOptions> <defaults> <launch> <args>}, then the wait for health. */
    private static BootAppProcess launch(String name, Path jar, List<String> launch, Path log, List<String> jvmOptions,
                                         List<String> args, Duration timeout) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no application jar at " + jar.toAbsolutePath());
        }
        int httpPort = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        // Dubbo advertises loopback only when every interface is ignored.
        command.addAll(List.of("-Ddubbo.network.interface.ignored=.*", "-Dfile.encoding=UTF-8"));
        command.addAll(launch);
        command.addAll(List.of("--server.address=127.0.0.1", "--server.port=" + httpPort,
                // An application with tradekit-dev-services exits when this JVM is gone, even after a kill -9.
                "--tradekit.dev-services.exit-with-parent=true"));
        command.addAll(args);
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        BootAppProcess child = new BootAppProcess(name, process, httpPort, log);
        Runtime.getRuntime().addShutdownHook(child.hook);
        try {
            child.awaitHealthy(timeout);
        } catch (IOException | InterruptedException | RuntimeException e) {
            child.close();
            throw e;
        }
        return child;
    }

    public int httpPort() {
        return httpPort;
    }

    /** The child's process id (for CPU readings, or a {@code kill -9} in a crash test). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String name() {
        return name;
    }

    public Path log() {
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
    public String tail() {
        try {
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return "last lines of " + log.toAbsolutePath() + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "log " + log.toAbsolutePath() + " unreadable: " + e;
        }
    }

    /**
     * {@code kill -9}, as a crash: no shutdown hook of the application runs. Returns once the process is
     * gone (its exit value is then 137); {@link #close()} afterwards has nothing left to stop.
     *
     * @throws IllegalStateException when it still lives 30 s after the signal
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") survived SIGKILL");
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

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
