package io.tradekit.core.log;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;

/**
 * Renders any object as compact single-line JSON for a log line, masking {@link Sensitive} values
 * with {@link Masking}; it is thread-safe and never throws.
 *
 * <p>The rendering rules, chosen for logs rather than for APIs:
 * <ul>
 *   <li>Objects are read through their fields only (transient and static ones excluded): getters
 *       are never called because they may compute, lazy-load or throw. Jackson annotations such as
 *       {@code @JsonIgnore} are honoured.</li>
 *   <li>Properties whose value is {@code null} are omitted; {@code null} elements of arrays,
 *       collections and maps are kept.</li>
 *   <li>{@code java.time} values and {@code Date} are written as ISO-8601 strings; JDK objects
 *       without a JSON form (a {@code Thread}, say) as their {@code toString()}.</li>
 *   <li>A bean met again inside itself is written as {@code "<cycle>"}; nesting deeper than 64
 *       levels makes the whole value unserializable.</li>
 *   <li>CR, LF and every other control or line-separator character is escaped (see
 *       {@link LogSanitizer}), so a value can never start a new log line.</li>
 *   <li>Output longer than the maximum length is cut and ends with
 *       {@code ...(truncated, N chars)}, N being the full length.</li>
 *   <li>Any failure returns {@code <unserializable fully.qualified.Type: reason>}; only virtual
 *       machine errors such as {@link OutOfMemoryError} escape, as they must.</li>
 * </ul>
 */
public final class MaskingJsonWriter {

    /** The maximum length of {@link #DEFAULT}, in characters. */
    public static final int DEFAULT_MAX_LENGTH = 4096;

    /** A shared writer capping output at {@link #DEFAULT_MAX_LENGTH} characters. */
    public static final MaskingJsonWriter DEFAULT = new MaskingJsonWriter(DEFAULT_MAX_LENGTH);

    private static final int MAX_REASON_LENGTH = 200;

    private final int maxLength;

    /**
     * Creates a writer with its own output cap; instances are cheap, as they share one Jackson setup.
     *
     * @param maxLength the maximum number of JSON characters kept before the truncation marker, at least 1
     * @throws IllegalArgumentException if {@code maxLength} is less than 1
     */
    public MaskingJsonWriter(int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be >= 1 but was " + maxLength);
        }
        this.maxLength = maxLength;
    }

    /**
     * Renders a value as masked, bounded JSON.
     *
     * @param value anything, including {@code null}, a string, a bean, a collection or an
     *              {@code Object[]} of method arguments
     * @return the JSON text, or an {@code <unserializable ...>} description; never {@code null}
     */
    public String write(Object value) {
        try {
            TruncatingWriter out = new TruncatingWriter(maxLength);
            LogJsonMapper.WRITER.writeValue(out, value);
            return out.result();
        } catch (Exception | LinkageError | StackOverflowError e) {
            // A log statement must never break the business call it describes.
            return unserializable(value, e);
        }
    }

    /**
     * Renders the arguments of a method call as a JSON array, masking those whose parameter is
     * annotated with {@link Sensitive} in addition to the sensitive fields inside every argument.
     *
     * @param method the invoked method, or {@code null} when unknown
     * @param args   the arguments, may be {@code null}
     * @return the JSON array text, or an {@code <unserializable ...>} description; never {@code null}
     */
    public String writeArguments(Method method, Object[] args) {
        if (method == null || args == null) {
            return write(args);
        }
        Object[] masked;
        try {
            masked = args.clone();
            Parameter[] parameters = method.getParameters();
            for (int i = 0; i < Math.min(parameters.length, masked.length); i++) {
                Sensitive sensitive = parameters[i].getAnnotation(Sensitive.class);
                if (sensitive != null) {
                    masked[i] = SensitiveValues.mask(masked[i], sensitive.type());
                }
            }
        } catch (RuntimeException e) {
            return unserializable(args, e);
        }
        return write(masked);
    }

    /**
     * Returns the maximum number of JSON characters kept before the truncation marker.
     *
     * @return the cap, at least 1
     */
    public int getMaxLength() {
        return maxLength;
    }

    private static String unserializable(Object value, Throwable failure) {
        String reason = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getName();
        if (reason.length() > MAX_REASON_LENGTH) {
            reason = reason.substring(0, MAX_REASON_LENGTH) + "...";
        }
        String type = value == null ? "null" : value.getClass().getName();
        return "<unserializable " + type + ": " + LogSanitizer.escape(reason) + ">";
    }
}
