package io.tradekit.devservices.redis;

import io.tradekit.devservices.support.FreePorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One launched {@code redis-server} process: its command line, its drained output, and the
 * readiness probe that proves the server on the port is this process.
 */
final class RedisProcess {

    private static final int OUTPUT_LINES_KEPT = 20;

    private final Process process;
    private final int port;
    private final Deque<String> recentOutput = new ArrayDeque<>();

    private RedisProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static RedisProcess launch(Path executable, int port, Path workDir) {
        return launch(executable, port, workDir, List.of());
    }

    /**
     * As {@link #launch(Path, int, Path)}, with further {@code --option value} pairs (e.g. cluster mode,
     * or {@code --appendonly yes}): redis-server applies its arguments in order, so these win over the
     * defaults before them.
     */
    static RedisProcess launch(Path executable, int port, Path workDir, List<String> extraOptions) {
        List<String> command = new ArrayList<>(List.of(executable.toString(),
                "--port", Integer.toString(port),
                "--bind", FreePorts.LOOPBACK,
                "--protected-mode", "yes",
                "--save", "",
                "--appendonly", "no",
                "--daemonize", "no",
                "--dir", workDir.toString(),
                "--loglevel", "warning"));
        command.addAll(extraOptions);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            RedisProcess launched = new RedisProcess(process, port);
            launched.drainOutput();
            return launched;
        } catch (IOException e) {
            throw new io.tradekit.devservices.DevServiceStartException(
                    "Redis dev service cannot start: launching " + executable + " failed (" + e.getMessage() + ")", e);
        }
    }

    /** Null when ready, else why not (the process exited, or no answer in time). */
    String awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return "redis-server exited with code " + process.exitValue() + lastOutputReason();
            }
            try {
                String info = command(port, "INFO server");
                if (info.contains("process_id:" + process.pid())) {
                    return null;
                }
                return "another process answers on port " + port;
            } catch (IOException notYetListening) {
                sleepBriefly();
            }
        }
        return "no answer to PING within " + timeout.toMillis() + " ms";
    }

    /**
     * Null once the server has loaded its data set, else why not. It answers INFO while loading an
     * append-only file but refuses data commands ({@code LOADING}): a restart is over only after that.
     */
    String awaitLoaded(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return "redis-server exited with code " + process.exitValue() + lastOutputReason();
            }
            try {
                if (command(port, "INFO persistence").contains("loading:0")) {
                    return null;
                }
            } catch (IOException notAnswering) {
                // asked again below
            }
            sleepBriefly();
        }
        return "data set not loaded within " + timeout.toMillis() + " ms";
    }

    private String lastOutputReason() {
        // Give the drain thread a moment to read the line that explains the exit.
        sleepBriefly();
        synchronized (recentOutput) {
            for (String line : recentOutput) {
                if (line.contains("Address already in use")) {
                    return " (Address already in use)";
                }
            }
        }
        return "";
    }

    int port() {
        return port;
    }

    Process process() {
        return process;
    }

    List<String> recentOutput() {
        synchronized (recentOutput) {
            return new ArrayList<>(recentOutput);
        }
    }

    void destroy() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads the server's output for its whole life: a full pipe would block redis-server. */
    private void drainOutput() {
        Thread drainer = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (recentOutput) {
                        if (recentOutput.size() == OUTPUT_LINES_KEPT) {
                            recentOutput.removeFirst();
                        }
                        recentOutput.addLast(line);
                    }
                }
            } catch (IOException ignored) {
                // Stream closed: the process is gone.
            }
        }, "tradekit-redis-output-" + port);
        drainer.setDaemon(true);
        drainer.start();
    }

    /** Sends one inline command and returns the raw reply (enough for PING and INFO). */
    static String command(int port, String inline) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(FreePorts.LOOPBACK, port), 200);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write((inline + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            StringBuilder reply = new StringBuilder();
            int read;
            // INFO replies with a bulk string "$len\r\n...\r\n"; read until it is complete.
            while ((read = in.read(buffer)) > 0) {
                reply.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                if (isComplete(reply)) {
                    break;
                }
            }
            return reply.toString();
        }
    }

    private static boolean isComplete(CharSequence reply) {
        if (reply.length() == 0) {
            return false;
        }
        char type = reply.charAt(0);
        if (type != '$') {
            return reply.toString().endsWith("\r\n");
        }
        String text = reply.toString();
        int headerEnd = text.indexOf("\r\n");
        if (headerEnd < 0) {
            return false;
        }
        int length = Integer.parseInt(text.substring(1, headerEnd));
        return text.getBytes(StandardCharsets.UTF_8).length >= headerEnd + 2 + length + 2;
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
