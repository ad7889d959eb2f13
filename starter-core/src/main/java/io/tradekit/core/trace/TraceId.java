package io.tradekit.core.trace;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;

/**
 * Creates, validates and scopes the trace id kept in the SLF4J {@link MDC} under {@link #KEY},
 * an id being set for a block of code through a {@link Scope}.
 *
 * <p>Ids received from other systems (HTTP headers, RPC attachments, message properties) are
 * hostile input: {@link #open(String)} accepts them only when {@link #isValid(String)}, since an
 * id is printed in every log line and a CR/LF or a {@code ${jndi:...}} in it would be a log
 * injection. Without an SLF4J binding the MDC ignores writes and {@link #current()} stays
 * {@code null}.
 */
public final class TraceId {

    /** The MDC key under which the trace id is stored, to be used in log patterns as {@code %X{traceId}}. */
    public static final String KEY = "traceId";

    /**
     * The name under which the trace id travels between services: the RPC attachment (Dubbo) and
     * the message property, so that caller and provider log lines carry the same id.
     */
    public static final String PROPAGATION_KEY = "tradekit-trace-id";

    /** The maximum length of a valid trace id. */
    public static final int MAX_LENGTH = 64;

    /**
     * The minimum length of an id accepted from outside the system ({@link #isWellFormedExternal}): 16
     * hexadecimal characters, a B3 64-bit id; W3C and tradekit ids have 32.
     */
    public static final int MIN_EXTERNAL_LENGTH = 16;

    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private TraceId() {
    }

    /**
     * Returns the trace id of the current thread.
     *
     * @return the MDC value, or {@code null} when none is set
     */
    public static String current() {
        return MDC.get(KEY);
    }

    /**
     * Returns the trace id of the current thread, creating and storing one when none is set.
     *
     * @return the current or the new trace id, never {@code null}
     */
    public static String getOrCreate() {
        String current = current();
        if (current != null && !current.isEmpty()) {
            return current;
        }
        String created = newId();
        MDC.put(KEY, created);
        return created;
    }

    /**
     * Generates a new trace id without storing it.
     *
     * <p>128 random bits from {@link ThreadLocalRandom}: a trace id must be unique, not unguessable (it
     * authorizes nothing and is printed in every log line), and {@code UUID.randomUUID()} went through
     * the shared {@code SecureRandom} on every facade call without a caller's id.
     *
     * @return 32 lowercase hexadecimal characters
     */
    public static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] id = new byte[32];
        hex(random.nextLong(), id, 0);
        hex(random.nextLong(), id, 16);
        return new String(id, StandardCharsets.US_ASCII);
    }

    /**
     * Tells whether a trace id received from elsewhere is safe to use.
     *
     * @param traceId the candidate, may be {@code null}
     * @return {@code true} for 1 to {@value #MAX_LENGTH} characters of {@code [A-Za-z0-9._-]}
     */
    public static boolean isValid(String traceId) {
        if (traceId == null || traceId.isEmpty() || traceId.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < traceId.length(); i++) {
            char c = traceId.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /**
     * Tells whether a trace id sent by a client outside the system (an HTTP header) is acceptable: the
     * public edge is stricter than {@link #isValid} (which serves the system's own RPC and message
     * hops), so a client can neither forge readable text into the logs nor pick a short id that
     * collides with other requests.
     *
     * @param traceId the candidate, may be {@code null}
     * @return {@code true} for {@value #MIN_EXTERNAL_LENGTH} to {@value #MAX_LENGTH} hexadecimal characters
     */
    public static boolean isWellFormedExternal(String traceId) {
        if (traceId == null || traceId.length() < MIN_EXTERNAL_LENGTH || traceId.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < traceId.length(); i++) {
            char c = traceId.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Sets the trace id of a request entering the system until the returned scope is closed, starting
     * clean: whatever id the (pooled) thread still holds is dropped, and none is left after the close.
     *
     * @param incoming the client's id, used only if {@link #isWellFormedExternal(String) well formed};
     *                 otherwise (including {@code null}) a {@link #newId() new id} is used
     * @return the scope to close, on this thread
     */
    public static Scope openExternal(String incoming) {
        String traceId = isWellFormedExternal(incoming) ? incoming : newId();
        MDC.put(KEY, traceId);
        return new Scope(traceId, null);
    }

    /**
     * Wraps a task so that it runs with the trace id current now (when it is wrapped), on whatever
     * thread runs it; the thread's own id is restored afterwards, so a pooled thread keeps none. Use it
     * as the task decorator of an executor that work of a request is handed to.
     *
     * @param task the task, required
     * @return the wrapping task (it runs without trace id when none was current)
     */
    public static Runnable wrap(Runnable task) {
        if (task == null) {
            throw new NullPointerException("task must not be null");
        }
        String captured = current();
        return () -> {
            String previous = current();
            if (captured == null) {
                MDC.remove(KEY);
            } else {
                MDC.put(KEY, captured);
            }
            try {
                task.run();
            } finally {
                if (previous == null) {
                    MDC.remove(KEY);
                } else {
                    MDC.put(KEY, previous);
                }
            }
        };
    }

    /**
     * Sets the trace id of the current thread until the returned scope is closed.
     *
     * @param incoming the id received from the caller, used only if {@link #isValid(String) valid};
     *                 otherwise (including {@code null}) a {@link #newId() new id} is used
     * @return the scope to close, on this thread, to restore the previous trace id
     */
    public static Scope open(String incoming) {
        String traceId = isValid(incoming) ? incoming : newId();
        String previous = current();
        MDC.put(KEY, traceId);
        return new Scope(traceId, previous);
    }

    private static void hex(long bits, byte[] out, int offset) {
        for (int i = 15; i >= 0; i--) {
            out[offset + i] = HEX_DIGITS[(int) (bits & 0xF)];
            bits >>>= 4;
        }
    }

    /**
     * A trace id set by {@link TraceId#open(String)} for a try-with-resources block, restoring the
     * previous id (or none) on {@link #close()}; scopes nest.
     */
    public static final class Scope implements AutoCloseable {

        private final String traceId;
        private final String previous;
        private boolean closed;

        private Scope(String traceId, String previous) {
            this.traceId = traceId;
            this.previous = previous;
        }

        /**
         * Returns the trace id this scope set.
         *
         * @return the accepted incoming id or the generated one
         */
        public String getTraceId() {
            return traceId;
        }

        /** Restores the trace id that was current when the scope was opened; later calls do nothing. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (previous == null) {
                MDC.remove(KEY);
            } else {
                MDC.put(KEY, previous);
            }
        }
    }
}
