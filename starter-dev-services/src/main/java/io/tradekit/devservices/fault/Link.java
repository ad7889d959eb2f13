package io.tradekit.devservices.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * One proxied connection: the client's socket, the socket to the target, and one pump thread per
 * direction (blocking reads keep it simple; a test opens a handful of connections).
 */
final class Link implements AutoCloseable {

    private static final int CHUNK = 16 * 1024;

    private final FaultProxy proxy;
    private final Socket client;
    private final Socket target;
    private final Thread up;
    private final Thread down;
    /** Set by a request holding the STALL marker: nothing more goes upstream until a heal. */
    private volatile boolean stalled;
    private volatile boolean closed;

    Link(FaultProxy proxy, Socket client, Socket target, String name) {
        this.proxy = proxy;
        this.client = client;
        this.target = target;
        this.up = new Thread(() -> pump(client, target, Direction.UPSTREAM), name + "-up");
        this.down = new Thread(() -> pump(target, client, Direction.DOWNSTREAM), name + "-down");
        up.setDaemon(true);
        down.setDaemon(true);
    }

    void start() {
        up.start();
        down.start();
    }

    boolean stalled() {
        return stalled;
    }

    void unstall() {
        stalled = false;
    }

    boolean isClosed() {
        return closed;
    }

    private void pump(Socket from, Socket to, Direction way) {
        byte[] buffer = new byte[CHUNK];
        // The end of the previous chunk, so a marker split across two reads is still seen.
        byte[] window = new byte[0];
        boolean broken = true;
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                long readAt = System.nanoTime();
                if (way == Direction.UPSTREAM) {
                    window = watchForMarker(window, buffer, n);
                }
                if (!proxy.awaitForwarding(this, way, readAt)) {
                    return; // cut or closed: what was read is lost, as on a broken connection
                }
                out.write(buffer, 0, n);
                out.flush();
            }
            // The sender closed its side: pass the end on, keep the other direction open.
            to.shutdownOutput();
            broken = false;
        } catch (IOException e) {
            // reset, or closed by a cut / close(): the connection is over
        } finally {
            // A client's half-close leaves the replies flowing; the server's end (or any failure) ends the link.
            if (broken || way == Direction.DOWNSTREAM) {
                close();
            }
        }
    }

    private byte[] watchForMarker(byte[] window, byte[] buffer, int n) {
        byte[] marker = proxy.stallMarker();
        if (marker == null || stalled) {
            return window;
        }
        byte[] seen = Arrays.copyOf(window, window.length + n);
        System.arraycopy(buffer, 0, seen, window.length, n);
        if (indexOf(seen, marker) >= 0) {
            stalled = true;
            proxy.countStall();
        }
        return Arrays.copyOfRange(seen, Math.max(0, seen.length - marker.length + 1), seen.length);
    }

    static int indexOf(byte[] data, byte[] marker) {
        outer:
        for (int i = 0; i + marker.length <= data.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (data[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Closes both sockets; the pumps end on their next read or write. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(client);
        closeQuietly(target);
        proxy.forget(this);
    }

    /** Waits (bounded) for both pump threads to end; true when they did. */
    boolean join(long timeout, TimeUnit unit) throws InterruptedException {
        long end = System.nanoTime() + unit.toNanos(timeout);
        up.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
        down.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
        return !up.isAlive() && !down.isAlive();
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
