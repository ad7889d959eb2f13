package io.tradekit.facade.health.probe;

/** A Dubbo service exported only so that the test provider registers with its registry. */
public interface HealthProbeService {

    /** Answers {@code pong}. */
    String ping();
}
