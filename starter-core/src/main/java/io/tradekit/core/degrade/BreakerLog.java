package io.tradekit.core.degrade;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link ServerBreaker} puts in the log: one line per state change and, while it refuses
 * calls, one line per report interval with their count — never a line per refused call, so an outage
 * under load does not drown the log.
 */
final class BreakerLog {

    private static final Logger log = LoggerFactory.getLogger(ServerBreakers.class);

    private BreakerLog() {
    }

    /** Logs the state changes of {@code breaker} from now on. */
    static void attach(ServerBreaker breaker) {
        CircuitBreaker circuit = breaker.circuitBreaker();
        if (circuit != null) {
            circuit.getEventPublisher().onStateTransition(event -> stateChanged(breaker, event));
        }
    }

    private static void stateChanged(ServerBreaker breaker, CircuitBreakerOnStateTransitionEvent event) {
        CircuitBreaker.State to = event.getStateTransition().getToState();
        CircuitBreaker.State from = event.getStateTransition().getFromState();
        if (to == CircuitBreaker.State.OPEN) {
            CircuitBreaker.Metrics metrics = breaker.circuitBreaker().getMetrics();
            log.warn("Breaker of server '{}' {} -> OPEN: {} of the last {} calls failed; calls are refused "
                            + "(503, Retry-After {} s) for {}", breaker.server(), from, metrics.getNumberOfFailedCalls(),
                    metrics.getNumberOfBufferedCalls(),
                    ServerUnavailableException.retryAfterSeconds(breaker.retryAfter()), breaker.retryAfter());
        } else if (to == CircuitBreaker.State.CLOSED) {
            log.info("Breaker of server '{}' {} -> CLOSED: the server answers again ({} calls refused since the "
                    + "last report)", breaker.server(), from, breaker.takeRefusedSinceReport());
        } else {
            log.info("Breaker of server '{}' {} -> {}", breaker.server(), from, to);
        }
    }

    /** The periodic count: one line when calls were refused since the last one, nothing otherwise. */
    static void report(ServerBreaker breaker) {
        long refused = breaker.takeRefusedSinceReport();
        if (refused > 0) {
            log.warn("Breaker of server '{}' is {}: {} calls refused since the last report",
                    breaker.server(), breaker.state(), refused);
        }
    }
}
