package io.tradekit.devservices.fault;

import java.time.Duration;

/**
 * The fault a {@link FaultProxy} applies right now; immutable, swapped as a whole.
 *
 * @param kind      what happens to the traffic
 * @param delay     added latency per chunk ({@link Kind#LATENCY} only)
 * @param direction the way the latency applies to ({@link Kind#LATENCY} only)
 * @param marker    the bytes that stall a connection ({@link Kind#STALL} only)
 */
record Fault(Kind kind, Duration delay, Direction direction, byte[] marker) {

    static final Fault PASS = new Fault(Kind.PASS, Duration.ZERO, Direction.BOTH, null);
    static final Fault BLACKHOLE = new Fault(Kind.BLACKHOLE, Duration.ZERO, Direction.BOTH, null);
    static final Fault CUT = new Fault(Kind.CUT, Duration.ZERO, Direction.BOTH, null);

    enum Kind {
        /** Forward everything at once. */
        PASS,
        /** Forward every chunk of one direction no earlier than {@code delay} after it was read. */
        LATENCY,
        /** Keep the connections, forward nothing; what was read is forwarded after a heal (TCP retransmits). */
        BLACKHOLE,
        /** Close every connection and refuse new ones; what was not forwarded is lost. */
        CUT,
        /** Like PASS until a request holds {@code marker}: from that request on the connection forwards nothing upstream. */
        STALL
    }

    /** Whether a chunk read in direction {@code way} must wait (not be forwarded) now. */
    boolean holds(Direction way, boolean stalled) {
        return kind == Kind.BLACKHOLE || kind == Kind.CUT || (kind == Kind.STALL && stalled && way == Direction.UPSTREAM);
    }

    /** The latency a chunk read in direction {@code way} gets now. */
    long delayNanos(Direction way) {
        return kind == Kind.LATENCY && direction.covers(way) ? delay.toNanos() : 0;
    }
}
