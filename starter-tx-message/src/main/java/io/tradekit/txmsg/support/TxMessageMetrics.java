package io.tradekit.txmsg.support;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Micrometer counters of this starter; a no-op when no registry is given.
 * Meters: {@code tradekit.txmsg.send} (outcome), {@code tradekit.txmsg.check} (scene, answer),
 * {@code tradekit.txmsg.check.dropped}, {@code tradekit.txmsg.late.commit} (scene), {@code tradekit.txmsg.consume} (group, result: done, duplicate, failed),
 * {@code tradekit.txmsg.dead.letter} (group, result: arrived, handled, duplicate).
 */
public final class TxMessageMetrics {

    private final Object registry;

    /** @param registry a {@code MeterRegistry}, or {@code null} for no metrics */
    public TxMessageMetrics(Object registry) {
        this.registry = registry;
        if (registry != null) {
            ((MeterRegistry) registry).counter("tradekit.txmsg.check.dropped");
        }
    }

    /**
     * Registers the scene's send and check-back counters at 0 at start-up. Why: a counter born at its first
     * increment has no earlier sample, so Prometheus' {@code rate()} misses that increment, and a dashboard
     * panel of rare events (check-backs) would show "no data" rather than 0.
     */
    public void registerScene(String scene) {
        for (String outcome : new String[] {"COMMIT", "ROLLBACK", "UNKNOWN", "FAILED", "REFUSED"}) {
            register("tradekit.txmsg.send", "scene", scene, "outcome", outcome);
        }
        for (String answer : new String[] {"COMMIT", "ROLLBACK", "UNKNOWN"}) {
            register("tradekit.txmsg.check", "scene", scene, "answer", answer);
        }
        if (registry != null) {
            ((MeterRegistry) registry).counter("tradekit.txmsg.late.commit", "scene", scene);
        }
    }

    /** Registers the consumer group's consume and dead-letter counters at 0 at start-up (see {@link #registerScene}). */
    public void registerGroup(String group) {
        for (String result : new String[] {"done", "duplicate", "failed", "retry"}) {
            register("tradekit.txmsg.consume", "group", group, "result", result);
        }
        for (String result : new String[] {"arrived", "handled", "duplicate"}) {
            register("tradekit.txmsg.dead.letter", "group", group, "result", result);
        }
    }

    /** Counts one send by scene and local outcome ({@code COMMIT}, {@code ROLLBACK}, {@code UNKNOWN}, {@code FAILED};
     * {@code REFUSED}: refused by the open {@code rocketmq} breaker, nothing sent). */
    public void send(String scene, String outcome) {
        count("tradekit.txmsg.send", "scene", scene, "outcome", outcome);
    }

    /** Counts one check-back answer. */
    public void check(String scene, String answer) {
        count("tradekit.txmsg.check", "scene", String.valueOf(scene), "answer", answer);
    }

    /** Counts a local transaction that committed after the undecided window (its message may be rolled back). */
    public void lateCommit(String scene) {
        if (registry != null) {
            ((MeterRegistry) registry).counter("tradekit.txmsg.late.commit", "scene", scene).increment();
        }
    }

    /** Counts one check-back dropped because the check threads and their queue were full. */
    public void checkDropped() {
        if (registry != null) {
            ((MeterRegistry) registry).counter("tradekit.txmsg.check.dropped").increment();
        }
    }

    /** Counts one consumed message by result ({@code done}, {@code duplicate}, {@code failed}, {@code retry}). */
    public void consume(String group, String result) {
        count("tradekit.txmsg.consume", "group", group, "result", result);
    }

    /** Counts a dead letter by result: {@code arrived} (every delivery), {@code handled}, {@code duplicate}. */
    public void deadLetter(String group, String result) {
        count("tradekit.txmsg.dead.letter", "group", group, "result", result);
    }

    private void register(String name, String k1, String v1, String k2, String v2) {
        if (registry != null) {
            ((MeterRegistry) registry).counter(name, k1, v1, k2, v2);
        }
    }

    private void count(String name, String k1, String v1, String k2, String v2) {
        if (registry != null) {
            ((MeterRegistry) registry).counter(name, k1, v1, k2, v2).increment();
        }
    }
}
