package io.tradekit.core.degrade;

import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.error.TradekitException;
import io.tradekit.core.log.LogSanitizer;
import org.slf4j.Logger;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The log of a background task (a check-back, a consumer) that keeps failing because a server is
 * unavailable: the first failure is one WARN line, then at most one line per interval with the count
 * of failures since — never a line with a stack trace per failure, which under an outage drowned the
 * log (thousands of lines a minute from the check-back threads alone).
 *
 * <pre>{@code
 * if (OutageLog.isUnavailable(e)) { outage.record(e); } else { log.error("...", e); }
 * }</pre>
 */
public final class OutageLog {

    private final Logger log;
    private final String what;
    private final long intervalNanos;
    private final LongAdder since = new LongAdder();
    private final AtomicLong nextReport = new AtomicLong(System.nanoTime());

    /**
     * @param log      the logger of the task
     * @param what     the failing thing, e.g. {@code "Check-backs"}
     * @param interval how often the count is logged while failures go on
     */
    public OutageLog(Logger log, String what, Duration interval) {
        this.log = Objects.requireNonNull(log, "log");
        this.what = Objects.requireNonNull(what, "what");
        this.intervalNanos = interval.toNanos();
    }

    /**
     * Whether {@code failure} comes from a server that is unavailable: a {@link ServerUnavailableException}
     * or any tradekit exception with code {@code SERVICE_UNAVAILABLE} in its cause chain (e.g. a remote
     * call whose provider answered that code).
     */
    public static boolean isUnavailable(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t instanceof TradekitException e && CommonErrorCode.SERVICE_UNAVAILABLE.getCode().equals(e.getCode())) {
                return true;
            }
        }
        return false;
    }

    /** Counts one failure; logs when the interval since the last line has passed (the first failure at once). */
    public void record(Throwable failure) {
        since.increment();
        long now = System.nanoTime();
        long due = nextReport.get();
        if (now - due >= 0 && nextReport.compareAndSet(due, now + intervalNanos)) {
            log.warn("{} failed {} time(s) since the last line of this kind, a server being unavailable (latest: {});"
                            + " next count in {}", what, since.sumThenReset(),
                    LogSanitizer.escape(String.valueOf(failure.getMessage())), Duration.ofNanos(intervalNanos));
        }
    }
}
