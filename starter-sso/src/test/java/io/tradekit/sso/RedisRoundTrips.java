package io.tradekit.sso;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Round trips to the dev Redis, as the server saw them: a {@code MONITOR} connection lists every
 * command a client sent, and marks the ones a Lua script issued ({@code [0 lua]}), which
 * {@code INFO commandstats} counts too. Commands between two {@code ECHO} markers are counted.
 */
final class RedisRoundTrips implements AutoCloseable {

    private final Socket monitor;
    private final Socket marker;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    RedisRoundTrips(String redisUrl) throws IOException, InterruptedException {
        URI uri = URI.create(redisUrl);
        monitor = new Socket(uri.getHost(), uri.getPort());
        marker = new Socket(uri.getHost(), uri.getPort());
        send(monitor, "MONITOR");
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(monitor.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException closed) {
                // close() ends the monitor
            }
        }, "redis-monitor");
        reader.setDaemon(true);
        reader.start();
        String ok = next();
        if (!"+OK".equals(ok)) {
            throw new IllegalStateException("MONITOR answered " + ok);
        }
    }

    /** Runs {@code action} and answers the client commands (not script-issued ones) whose line contains {@code keyPart}. */
    List<String> during(String keyPart, ThrowingRunnable action) throws Exception {
        String begin = "begin-" + UUID.randomUUID();
        String end = "end-" + UUID.randomUUID();
        echo(begin);
        action.run();
        echo(end);
        List<String> seen = new ArrayList<>();
        boolean inside = false;
        for (String line = next(); ; line = next()) {
            if (line.contains(begin)) {
                inside = true;
            } else if (line.contains(end)) {
                return seen;
            } else if (inside && line.contains(keyPart) && !line.contains(" lua]")) {
                seen.add(line);
            }
        }
    }

    private void echo(String text) throws IOException {
        send(marker, "ECHO", text);
        // The whole bulk reply ("$<n>\r\n<text>\r\n"): the marker was processed before anything after it.
        int length = text.length();
        marker.getInputStream().readNBytes(1 + String.valueOf(length).length() + 2 + length + 2);
    }

    private String next() throws InterruptedException {
        String line = lines.poll(10, TimeUnit.SECONDS);
        if (line == null) {
            throw new IllegalStateException("the Redis MONITOR went silent");
        }
        return line;
    }

    private static void send(Socket socket, String... words) throws IOException {
        StringBuilder command = new StringBuilder("*").append(words.length).append("\r\n");
        for (String word : words) {
            command.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(word).append("\r\n");
        }
        OutputStream out = socket.getOutputStream();
        out.write(command.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        monitor.close();
        marker.close();
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
