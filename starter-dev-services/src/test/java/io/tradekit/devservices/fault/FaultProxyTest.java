package io.tradekit.devservices.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The proxy against a real echo server on loopback. Delays are checked as lower bounds only (the proxy holds
 * a chunk at least that long by construction); "nothing arrived" is checked over a short window in which the
 * fault, not the machine's speed, decides.
 */
class FaultProxyTest {

    private static final Duration QUIET = Duration.ofMillis(300);

    private EchoServer echo;
    private FaultProxy proxy;

    @BeforeEach
    void start() throws IOException {
        echo = new EchoServer();
        proxy = FaultProxy.start("127.0.0.1", echo.port());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void passForwardsBothWaysInOrder() throws IOException {
        try (Socket client = connect()) {
            send(client, "one");
            send(client, "two");
            assertThat(read(client, 6)).isEqualTo("onetwo");
        }
        assertThat(proxy.acceptedConnections()).isEqualTo(1);
    }

    @Test
    void latencyDelaysEachChunkOfItsDirectionAtLeastThatLong() throws IOException {
        Duration delay = Duration.ofMillis(400);
        proxy.latency(delay, Direction.UPSTREAM);
        try (Socket client = connect()) {
            long sent = System.nanoTime();
            send(client, "up");
            assertThat(read(client, 2)).isEqualTo("up");
            assertThat(echo.lastReceivedAt() - sent).as("request held upstream").isGreaterThanOrEqualTo(delay.toNanos());
        }
        proxy.latency(delay, Direction.DOWNSTREAM);
        try (Socket client = connect()) {
            send(client, "down");
            assertThat(read(client, 4)).isEqualTo("down");
            long replied = System.nanoTime();
            assertThat(replied - echo.lastReceivedAt()).as("reply held downstream").isGreaterThanOrEqualTo(delay.toNanos());
        }
    }

    @Test
    void blackholeKeepsConnectionsAndForwardsNothingUntilHealed() throws IOException {
        try (Socket before = connect()) {
            send(before, "a");
            assertThat(read(before, 1)).isEqualTo("a");
            proxy.blackhole();
            send(before, "b");
            try (Socket during = connect()) {
                send(during, "c");
                assertNothingFor(QUIET, () -> echo.received() > 1, "the server got nothing through the blackhole");
                assertThat(proxy.openConnections()).isEqualTo(2);
                proxy.heal();
                assertThat(read(before, 1)).as("held, delivered after the heal").isEqualTo("b");
                assertThat(read(during, 1)).isEqualTo("c");
            }
        }
    }

    @Test
    void cutClosesOpenConnectionsResetsNewOnesAndHealAcceptsAgain() throws Exception {
        try (Socket open = connect()) {
            send(open, "x");
            assertThat(read(open, 1)).isEqualTo("x");
            proxy.cut();
            assertThat(endOf(open)).as("the open connection ended").isTrue();
        }
        try (Socket refused = connect()) {
            assertThat(endOf(refused)).as("a new connection is reset").isTrue();
        }
        assertThat(proxy.refusedConnections()).isEqualTo(1);
        assertThat(proxy.openConnections()).isZero();
        proxy.heal();
        try (Socket again = connect()) {
            send(again, "y");
            assertThat(read(again, 1)).isEqualTo("y");
        }
    }

    @Test
    void stallOnHoldsOnlyTheMarkedConnectionFromTheMarkedRequestOn() throws IOException {
        try (Socket marked = connect(); Socket other = connect()) {
            proxy.stallOn("EVALSHA 4f2a");
            send(marked, "before");
            assertThat(read(marked, 6)).as("no marker yet").isEqualTo("before");
            long receivedBefore = echo.received();
            send(marked, "*2 EVALSHA 4f2a");
            send(marked, "|after");
            send(other, "free");
            assertThat(read(other, 4)).as("the other connection flows").isEqualTo("free");
            assertNothingFor(QUIET, () -> echo.received() > receivedBefore + 4, "nothing of the marked connection forwarded");
            assertThat(proxy.stalledConnections()).isEqualTo(1);
            proxy.heal();
            assertThat(read(marked, 21)).as("delivered in order after the heal").isEqualTo("*2 EVALSHA 4f2a|after");
        }
    }

    @Test
    void aCutLosesWhatAStallHeld() throws IOException {
        try (Socket marked = connect()) {
            proxy.stallOn("MARK");
            send(marked, "MARK");
            assertNothingFor(QUIET, () -> echo.received() > 0, "held");
            proxy.cut();
            proxy.heal();
            assertNothingFor(QUIET, () -> echo.received() > 0, "the held request never reached the server");
            assertThat(endOf(marked)).isTrue();
        }
    }

    @Test
    void connectionsAboveTheBoundAreReset() throws Exception {
        try (FaultProxy small = FaultProxy.start("127.0.0.1", echo.port(), 2);
             Socket first = new Socket("127.0.0.1", small.port());
             Socket second = new Socket("127.0.0.1", small.port());
             Socket third = new Socket("127.0.0.1", small.port())) {
            for (Socket socket : new Socket[] {first, second, third}) {
                socket.setSoTimeout(10_000);
            }
            send(first, "1");
            send(second, "2");
            assertThat(read(first, 1) + read(second, 1)).isEqualTo("12");
            assertThat(endOf(third)).isTrue();
            assertThat(small.refusedConnections()).isEqualTo(1);
        }
    }

    @Test
    void closeEndsEveryConnectionAndEveryThread() throws Exception {
        String prefix;
        try (Socket a = connect(); Socket b = connect()) {
            send(a, "a");
            send(b, "b");
            assertThat(read(a, 1) + read(b, 1)).isEqualTo("ab");
            prefix = proxy.name() + "-";
            proxy.blackhole(); // a pump waiting on the fault must end too
            send(a, "held");
            proxy.close();
            assertThat(endOf(a)).isTrue();
            assertThat(endOf(b)).isTrue();
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith(prefix) && t.isAlive());
        assertThatThrownBy(() -> proxy.cut()).isInstanceOf(IllegalStateException.class);
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", proxy.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** Reads exactly {@code n} bytes (bounded by the socket's 10 s timeout). */
    private static String read(Socket socket, int n) throws IOException {
        byte[] bytes = socket.getInputStream().readNBytes(n);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    /** Whether the connection ended (EOF or reset) within the socket's timeout rather than staying open. */
    private static boolean endOf(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset
        }
    }

    private static void assertNothingFor(Duration window, BooleanSupplier happened, String what) {
        long end = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < end) {
            assertThat(happened.getAsBoolean()).as(what).isFalse();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
