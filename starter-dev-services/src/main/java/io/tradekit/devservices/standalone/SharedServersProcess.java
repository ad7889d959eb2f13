package io.tradekit.devservices.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The shared dev servers ({@link DevServersMain}) as a child JVM started from the caller's own
 * classpath: Redis, RocketMQ, ZooKeeper and an H2 TCP server that several application processes use
 * together, through the address file the apps import ({@code --spring.config.import=file:<path>}).
 * For tests and load drivers that start application processes of their own; the child is stopped
 * (SIGTERM, then killed) on {@link #close()} and at this JVM's exit, so it never outlives the caller.
 */
public final class SharedServersProcess implements AutoCloseable {

    private final Process process;
    private final Path file;
    private final Properties addresses;

    private SharedServersProcess(Process process, Path file, Properties addresses) {
        this.process = process;
        this.file = file;
        this.addresses = addresses;
    }

    /** Starts the launcher and waits (at most {@code timeout}) for its address file. */
    public static SharedServersProcess start(Path file, Path log, List<String> topics, Duration timeout)
            throws IOException, InterruptedException {
        Files.deleteIfExists(file);
        Files.createDirectories(log.toAbsolutePath().getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx768m", "-cp", System.getProperty("java.class.path"),
                DevServersMain.class.getName(), "--file", file.toAbsolutePath().toString(),
                "--topics", String.join(",", topics),
                // The broker's production check-back timeout: under load a 1 s one turns slow commits into check-backs.
                "--transaction-timeout", "6s")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process)));
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!Files.exists(file)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the shared dev servers exited with " + process.exitValue() + "; see " + log);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the shared dev servers wrote no " + file + " within " + timeout + "; see " + log);
                }
                Thread.sleep(200);
            }
            Properties addresses = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                addresses.load(in);
            }
            return new SharedServersProcess(process, file.toAbsolutePath(), addresses);
        } catch (IOException | InterruptedException | RuntimeException e) {
            stop(process);
            throw e;
        }
    }

    /** The app argument that makes a sample process use these servers (and start none of its own). */
    public String importArgument() {
        return "--spring.config.import=file:" + file;
    }

    public String redisUri() {
        return addresses.getProperty("spring.data.redis.url");
    }

    public String jdbcUrl() {
        return addresses.getProperty("spring.datasource.url");
    }

    /** Every address the launcher wrote (the properties the apps import). */
    public Properties addresses() {
        Properties copy = new Properties();
        copy.putAll(addresses);
        return copy;
    }

    public Path file() {
        return file;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        stop(process);
    }

    /** SIGTERM: the launcher stops every server and removes its temp directories and the file. */
    private static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
