package io.tradekit.devservices.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy for fault tests: listens on a free port of 127.0.0.1 and forwards every connection to a
 * target (a real Redis, broker, Dubbo provider), applying the fault set last:
 *
 * <ul>
 *   <li>{@link #heal()} (the start state): forward everything at once;</li>
 *   <li>{@link #latency(Duration, Direction)}: every chunk of that direction leaves no earlier than the delay
 *       after it was read; order and content are kept, nothing is lost;</li>
 *   <li>{@link #blackhole()}: connections stay open (new ones are accepted) and nothing is forwarded — a
 *       partition; a later {@link #heal()} forwards what was read, as TCP retransmission would;</li>
 *   <li>{@link #cut()}: every open connection is closed, new ones are reset at once, what was not
 *       forwarded is lost;</li>
 *   <li>{@link #stallOn(String)}: traffic flows until a request holding the marker (e.g. one script's SHA-1),
 *       then that connection forwards no more requests until {@link #heal()} (which delivers them, in order)
 *       or {@link #cut()} (which loses them): a slow link hitting exactly one kind of call.</li>
 * </ul>
 *
 * <p>Threads are bounded: one acceptor and two per connection, at most {@code maxConnections} connections
 * (more are reset and counted as refused). {@link #close()} closes every socket and waits for every thread.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.start("127.0.0.1", redis.port())) {
 *     // point the client at 127.0.0.1:proxy.port()
 *     proxy.cut();   ...   proxy.heal();
 * }
 * }</pre>
 */
public final class FaultProxy implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FaultProxy.class);
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final int DEFAULT_MAX_CONNECTIONS = 64;
    private static final int CONNECT_TIMEOUT_MS = 2_000;

    private final InetSocketAddress target;
    private final int maxConnections;
    private final ServerSocket server;
    private final String name;
    private final Thread acceptor;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger stalls = new AtomicInteger();
    private volatile Fault fault = Fault.PASS;
    private volatile boolean closed;

    private FaultProxy(InetSocketAddress target, int maxConnections) throws IOException {
        this.target = target;
        this.maxConnections = maxConnections;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.name = "fault-proxy-" + IDS.incrementAndGet();
        this.acceptor = new Thread(this::acceptLoop, name + "-accept");
        acceptor.setDaemon(true);
    }

    /** Starts a proxy to {@code host:port} with at most 64 open connections. */
    public static FaultProxy start(String host, int port) {
        return start(host, port, DEFAULT_MAX_CONNECTIONS);
    }

    /** Starts a proxy to {@code host:port} with at most {@code maxConnections} open connections. */
    public static FaultProxy start(String host, int port, int maxConnections) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
        }
        try {
            FaultProxy proxy = new FaultProxy(new InetSocketAddress(host, port), maxConnections);
            proxy.acceptor.start();
            log.info("{} 127.0.0.1:{} -> {}:{}", proxy.name, proxy.port(), host, port);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
        }
    }

    /** The port clients connect to, on 127.0.0.1. */
    public int port() {
        return server.getLocalPort();
    }

    /** {@code 127.0.0.1}, the host clients connect to. */
    public String host() {
        return "127.0.0.1";
    }

    /** Forward everything at once again; held chunks go on, in order, stalled connections resume. */
    public void heal() {
        set(Fault.PASS);
        links.forEach(Link::unstall);
    }

    /** Every chunk read in {@code direction} leaves no earlier than {@code delay} after it was read. */
    public void latency(Duration delay, Direction direction) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + delay);
        }
        set(new Fault(Fault.Kind.LATENCY, delay, Objects.requireNonNull(direction, "direction"), null));
    }

    /** Keep every connection open and forward nothing (new connections too) until {@link #heal()} or {@link #cut()}. */
    public void blackhole() {
        set(Fault.BLACKHOLE);
    }

    /** Close every connection, unforwarded data lost, and reset new ones until {@link #heal()}. */
    public void cut() {
        set(Fault.CUT);
        List.copyOf(links).forEach(Link::close);
    }

    /**
     * Forward everything until a request (client to server) holds {@code marker}; from that request on, the
     * connection it came on forwards no requests (replies still flow) until {@link #heal()} or {@link #cut()}.
     */
    public void stallOn(String marker) {
        if (marker == null || marker.isEmpty()) {
            throw new IllegalArgumentException("marker must not be empty");
        }
        set(new Fault(Fault.Kind.STALL, Duration.ZERO, Direction.UPSTREAM, marker.getBytes(StandardCharsets.UTF_8)));
    }

    /** The proxy's name, the prefix of its threads' names and of its log lines. */
    public String name() {
        return name;
    }

    /** Connections accepted and forwarded since the start. */
    public int acceptedConnections() {
        return accepted.get();
    }

    /** Connections reset at once: during a cut, or above the connection bound. */
    public int refusedConnections() {
        return refused.get();
    }

    /** Connections open now. */
    public int openConnections() {
        return links.size();
    }

    /** Connections stalled by a request holding the {@link #stallOn(String)} marker, since the start. */
    public int stalledConnections() {
        return stalls.get();
    }

    private void set(Fault next) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException(name + " is closed");
            }
            fault = next;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        log.info("{}: {}", name, next.kind() == Fault.Kind.LATENCY
                ? "latency " + next.delay().toMillis() + " ms " + next.direction() : next.kind());
    }

    byte[] stallMarker() {
        Fault now = fault;
        return now.kind() == Fault.Kind.STALL ? now.marker() : null;
    }

    void countStall() {
        stalls.incrementAndGet();
    }

    void forget(Link link) {
        links.remove(link);
    }

    /**
     * Blocks a pump until its chunk, read at {@code readAt}, may be forwarded under the current fault;
     * false when the link was closed (cut, or the proxy closed) meanwhile.
     */
    boolean awaitForwarding(Link link, Direction way, long readAt) {
        lock.lock();
        try {
            while (true) {
                if (link.isClosed() || closed) {
                    return false;
                }
                Fault now = fault;
                if (!now.holds(way, link.stalled())) {
                    long wait = readAt + now.delayNanos(way) - System.nanoTime();
                    if (wait <= 0) {
                        return true;
                    }
                    changed.awaitNanos(wait); // a fault change re-evaluates the delay
                } else {
                    changed.await();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (fault.kind() == Fault.Kind.CUT || links.size() >= maxConnections) {
                reset(client);
                continue;
            }
            try {
                Socket upstream = new Socket();
                upstream.connect(target, CONNECT_TIMEOUT_MS);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                Link link = new Link(this, client, upstream, name + "-" + accepted.incrementAndGet());
                links.add(link);
                link.start();
                if (fault.kind() == Fault.Kind.CUT || closed) {
                    link.close(); // a cut or close raced this accept
                }
            } catch (IOException e) {
                log.warn("{}: target {} refused a connection: {}", name, target, e.toString());
                reset(client);
            }
        }
    }

    private void reset(Socket client) {
        refused.incrementAndGet();
        try {
            client.setSoLinger(true, 0); // RST: the client sees "connection reset", not a clean end
        } catch (IOException e) {
            // closing anyway
        }
        Link.closeQuietly(client);
    }

    /** Closes the listening socket and every connection, and waits (bounded) for every thread of the proxy. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        List<Link> open = List.of();
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // After the acceptor ended, so that no connection is added behind this copy.
            open = List.copyOf(links);
            open.forEach(Link::close);
        }
        try {
            for (Link link : open) {
                if (!link.join(5, TimeUnit.SECONDS)) {
                    log.warn("{}: a connection's threads did not end within 5 s", name);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
