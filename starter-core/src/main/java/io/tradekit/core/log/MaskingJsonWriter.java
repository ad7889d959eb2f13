package io.tradekit.core.log;

import java.lang.reflect.Method;

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
        return appendTo(new StringBuilder(Math.min(maxLength, 256)), value).toString();
    }

    /**
     * Appends a value as masked, bounded JSON to {@code out}, so a log line is built in one buffer.
     * Whatever fails, {@code out} ends with either the JSON or an {@code <unserializable ...>}
     * description, never with half of a value.
     *
     * @param out   the buffer to append to, not {@code null}
     * @param value anything, as for {@link #write(Object)}
     * @return {@code out}
     */
    public StringBuilder appendTo(StringBuilder out, Object value) {
        TruncatingWriter writer = new TruncatingWriter(out, maxLength);
        try {
            LogJsonMapper.WRITER.writeValue(writer, value);
            writer.finish();
        } catch (Exception | LinkageError | StackOverflowError e) {
            // A log statement must never break the business call it describes.
            writer.discard();
            out.append(unserializable(value, e));
        }
        return out;
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
        return appendArguments(new StringBuilder(Math.min(maxLength, 256)), method, args).toString();
    }

    /**
     * Appends the arguments of a method call as {@link #writeArguments} renders them.
     *
     * @param out    the buffer to append to, not {@code null}
     * @param method the invoked method, or {@code null} when unknown
     * @param args   the arguments, may be {@code null}
     * @return {@code out}
     */
    public StringBuilder appendArguments(StringBuilder out, Method method, Object[] args) {
        if (method == null || args == null) {
            return appendTo(out, args);
        }
        Object[] masked = args;
        try {
            SensitiveType[] types = SensitiveParameters.of(method);
            for (int i = 0; i < Math.min(types.length, args.length); i++) {
                if (types[i] != null) {
                    if (masked == args) {
                        masked = args.clone();
                    }
                    masked[i] = SensitiveValues.mask(args[i], types[i]);
                }
            }
        } catch (RuntimeException e) {
            return out.append(unserializable(args, e));
        }
        return appendTo(out, masked);
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
