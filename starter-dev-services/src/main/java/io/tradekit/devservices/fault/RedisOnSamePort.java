package io.tradekit.devservices.fault;

import io.tradekit.devservices.DevServiceStartException;
import io.tradekit.devservices.support.FreePorts;
import io.tradekit.devservices.support.TempDirs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} started again on the port of one that was stopped, as an operator restarts
 * Redis: the clients of the application reconnect to the same address. An empty server (no save, no
 * AOF), same options as the dev service's.
 *
 * <p>Why not {@code RedisDevService.start} with the fixed port: its free-port check binds without
 * {@code SO_REUSEADDR}, so it refuses the port for about a minute after a stop (the server's side of
 * every closed client connection sits in {@code TIME_WAIT}); {@code redis-server} binds with
 * {@code SO_REUSEADDR} and takes the port at once.
 */
public final class RedisOnSamePort implements AutoCloseable {

    private final Process process;
    private final Path workDir;
    private final Thread exitHook;

    private RedisOnSamePort(Process process, Path workDir) {
        this.process = process;
        this.workDir = workDir;
        this.exitHook = new Thread(process::destroyForcibly, "redis-on-same-port-exit");
        Runtime.getRuntime().addShutdownHook(exitHook);
    }

    /**
     * Starts {@code executable} on {@code port} of {@value FreePorts#LOOPBACK} and waits until it answers
     * {@code PING}.
     *
     * @param executable the {@code redis-server} of the stopped dev service ({@code RedisDevService.executable()})
     * @param port       the stopped server's port
     * @param timeout    the longest wait for the answer
     */
    public static RedisOnSamePort start(Path executable, int port, Duration timeout) {
        Path workDir = TempDirs.create("redis-restart");
        Process process;
        try {
            process = new ProcessBuilder(List.of(executable.toString(), "--port", Integer.toString(port),
                    "--bind", FreePorts.LOOPBACK, "--protected-mode", "yes", "--save", "", "--appendonly", "no",
                    "--daemonize", "no", "--dir", workDir.toString(), "--loglevel", "warning"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            TempDirs.deleteQuietly(workDir);
            throw new DevServiceStartException("cannot start " + executable + " again on port " + port + ": " + e);
        }
        RedisOnSamePort started = new RedisOnSamePort(process, workDir);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!answersPing(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                started.close();
                throw new DevServiceStartException("redis-server did not answer on port " + port + " again within "
                        + timeout + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")"));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                started.close();
                Thread.currentThread().interrupt();
                throw new DevServiceStartException("interrupted while waiting for redis-server on port " + port);
            }
        }
        return started;
    }

    private static boolean answersPing(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(FreePorts.LOOPBACK, port), 500);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(7);
            return new String(answer, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A copy of a dev service's {@code redis-server}, taken while it runs: the embedded binary lives in
     * the service's working directory, which its {@code close()} deletes.
     */
    public static Binary keep(Path executable) {
        Path dir = TempDirs.create("redis-binary");
        try {
            Path copy = dir.resolve("redis-server");
            Files.copy(executable, copy);
            if (!copy.toFile().setExecutable(true, true)) {
                throw new IOException("cannot make " + copy + " executable");
            }
            return new Binary(copy, dir);
        } catch (IOException e) {
            TempDirs.deleteQuietly(dir);
            throw new DevServiceStartException("cannot copy " + executable + ": " + e);
        }
    }

    /** A kept {@code redis-server}; closing deletes the copy. */
    public record Binary(Path path, Path dir) implements AutoCloseable {
        @Override
        public void close() {
            TempDirs.deleteQuietly(dir);
        }
    }

    /** Whether the server process is running. */
    public boolean isRunning() {
        return process.isAlive();
    }

    /** Kills the server ({@code kill -9}) and removes its working directory. */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs anyway.
        }
        TempDirs.deleteQuietly(workDir);
    }
}
