package io.tradekit.devservices.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Finds free TCP ports on the loopback interface, where every dev server binds.
 */
public final class FreePorts {

    /** Every dev server binds here and nowhere else: test traffic must stay on this machine. */
    public static final String LOOPBACK = "127.0.0.1";

    private FreePorts() {
    }

    /** A port that was free on {@value #LOOPBACK} a moment ago (callers retry on a lost race). */
    public static int next() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), 0), 1);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + LOOPBACK, e);
        }
    }

    /**
     * A port {@code p} such that {@code p} and {@code p - offset} are both free, for servers that
     * open a second listener below their main port (the RocketMQ broker's "fast" channel).
     */
    public static int nextWithCompanion(int offset) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = next();
            if (port - offset > 1024 && isFree(port - offset)) {
                return port;
            }
        }
        throw new IllegalStateException("No pair of free ports (p, p-" + offset + ") on " + LOOPBACK + " after 50 attempts");
    }

    /** Whether {@code port} can be bound on {@value #LOOPBACK} right now. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
