package io.tradekit.devservices.fault;

/** Which way through a {@link FaultProxy} a fault applies to. */
public enum Direction {

    /** Client to server: requests. */
    UPSTREAM,

    /** Server to client: replies. */
    DOWNSTREAM,

    /** Both ways. */
    BOTH;

    boolean covers(Direction way) {
        return this == BOTH || this == way;
    }
}
