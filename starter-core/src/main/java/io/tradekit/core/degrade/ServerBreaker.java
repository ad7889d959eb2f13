package io.tradekit.core.degrade;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The circuit breaker of one server, shared by every caller of that server in the application (get
 * it from {@link ServerBreakers}): after enough calls failed on the server it opens, and calls are
 * refused at once with {@link ServerUnavailableException} instead of each waiting for a timeout;
 * after {@code open-duration} a few probe calls go through, and their success closes it again.
 *
 * <pre>{@code
 * List<?> answer = breaker.call(() -> script.eval(...), LettuceFaults::isServerFault);
 * }</pre>
 *
 * <p>Only the failures the caller's predicate calls a server fault count (a timeout, a refused
 * connection); any other outcome, a business refusal included, shows the server answering. A
 * disabled breaker ({@code enabled=false}) runs every call.
 */
public final class ServerBreaker {

    /** A call to the server, which may throw a checked exception of its own. */
    @FunctionalInterface
    public interface ServerCall<T, E extends Exception> {
        T run() throws E;
    }

    private final String server;
    private final CircuitBreaker breaker;
    private final Duration retryAfter;
    private final LongAdder refusedSinceReport = new LongAdder();
    private final LongAdder refusedTotal = new LongAdder();

    ServerBreaker(String server, BreakerSettings settings) {
        this.server = Objects.requireNonNull(server, "server");
        this.retryAfter = settings.getOpenDuration();
        this.breaker = settings.isEnabled() ? CircuitBreaker.of(server, config(settings)) : null;
    }

    private static CircuitBreakerConfig config(BreakerSettings settings) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.getWindowSize())
                .minimumNumberOfCalls(settings.getMinimumCalls())
                .failureRateThreshold(settings.getFailureRateThreshold())
                .waitDurationInOpenState(settings.getOpenDuration())
                .permittedNumberOfCallsInHalfOpenState(settings.getHalfOpenCalls())
                // Half-open is entered by the next call after open-duration: no timer thread per breaker.
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build();
    }

    /**
     * Runs {@code call} unless the breaker is open.
     *
     * @param call        the call to the server
     * @param serverFault which failures of the call mean the server is down or unreachable
     * @return the call's result
     * @throws ServerUnavailableException when refused (the call did not run)
     * @throws E                          the call's own failure, unchanged
     */
    public <T, E extends Exception> T call(ServerCall<T, E> call, Predicate<Throwable> serverFault) throws E {
        if (breaker == null) {
            return call.run();
        }
        permit();
        long start = System.nanoTime();
        try {
            T result = call.run();
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return result;
        } catch (Throwable failure) {
            record(start, failure, serverFault);
            throw failure;
        }
    }

    /**
     * Starts {@code call} unless the breaker is open; its outcome counts when the stage completes.
     *
     * @param call        starts the call to the server
     * @param serverFault which failures (of the start or of the stage) mean the server is down
     * @return the call's stage
     * @throws ServerUnavailableException when refused (the call did not start)
     */
    public <T> CompletionStage<T> callAsync(Supplier<? extends CompletionStage<T>> call,
                                            Predicate<Throwable> serverFault) {
        if (breaker == null) {
            return call.get();
        }
        permit();
        long start = System.nanoTime();
        CompletionStage<T> stage;
        try {
            stage = call.get();
        } catch (RuntimeException | Error failure) {
            record(start, failure, serverFault);
            throw failure;
        }
        return stage.whenComplete((value, failure) -> {
            if (failure == null) {
                breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            } else {
                record(start, failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure, serverFault);
            }
        });
    }

    private void permit() {
        if (!breaker.tryAcquirePermission()) {
            refusedSinceReport.increment();
            refusedTotal.increment();
            throw new ServerUnavailableException(server, retryAfter, true, null);
        }
    }

    /** A server fault counts against the server; any other failure shows it answering. */
    private void record(long start, Throwable failure, Predicate<Throwable> serverFault) {
        long elapsed = System.nanoTime() - start;
        if (serverFault.test(failure)) {
            breaker.onError(elapsed, TimeUnit.NANOSECONDS, failure);
        } else {
            breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
        }
    }

    /** The exception a caller throws for a server fault it caught: same message and status as a refusal. */
    public ServerUnavailableException unavailable(Throwable cause) {
        return new ServerUnavailableException(server, retryAfter, false, cause);
    }

    /** The server's name. */
    public String server() {
        return server;
    }

    /** {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN} (or {@code DISABLED}). */
    public String state() {
        return breaker == null ? "DISABLED" : breaker.getState().name();
    }

    /** Whether calls are being refused or probed: the server has not been seen answering since it failed. */
    public boolean isOpen() {
        if (breaker == null) {
            return false;
        }
        CircuitBreaker.State state = breaker.getState();
        return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.HALF_OPEN
                || state == CircuitBreaker.State.FORCED_OPEN;
    }

    /** Calls refused without touching the server since the application started. */
    public long refusedCalls() {
        return refusedTotal.sum();
    }

    /** How long an open breaker refuses calls: the {@code Retry-After} of its refusals. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Calls refused since the last report, reset to zero. */
    long takeRefusedSinceReport() {
        return refusedSinceReport.sumThenReset();
    }

    /** The Resilience4j breaker, or null when disabled. */
    CircuitBreaker circuitBreaker() {
        return breaker;
    }
}
