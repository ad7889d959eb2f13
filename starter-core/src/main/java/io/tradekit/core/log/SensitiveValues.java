package io.tradekit.core.log;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies {@link Masking} to a {@link Sensitive} value of any type, for {@link MaskedPropertyWriter}
 * and {@link MaskingJsonWriter#writeArguments}.
 */
final class SensitiveValues {

    // Containers nested deeper than this are hidden whole: it also stops self-containing ones.
    private static final int MAX_DEPTH = 8;

    private SensitiveValues() {
    }

    /**
     * Masks a value: a string, a scalar (as its {@code String.valueOf}), or a container element
     * by element, keeping its shape.
     *
     * @param value the value, may be {@code null}
     * @param type  the masking rule
     * @return {@code null}, a masked {@link String}, or a {@link List} or {@link Map} of masked values
     */
    static Object mask(Object value, SensitiveType type) {
        return mask(value, type, 0);
    }

    private static Object mask(Object value, SensitiveType type, int depth) {
        if (value == null) {
            return null;
        }
        if (value instanceof CharSequence text) {
            return Masking.mask(text.toString(), type);
        }
        if (value instanceof char[] chars) {
            return Masking.mask(new String(chars), type);
        }
        if (type == SensitiveType.SECRET || depth >= MAX_DEPTH) {
            // A container's size is already a leak for a secret.
            return Masking.SECRET_MASK;
        }
        if (value instanceof Iterable<?> iterable) {
            List<Object> masked = new ArrayList<>();
            for (Object element : iterable) {
                masked.add(mask(element, type, depth + 1));
            }
            return masked;
        }
        if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            List<Object> masked = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                masked.add(mask(Array.get(value, i), type, depth + 1));
            }
            return masked;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> masked = new LinkedHashMap<>();
            map.forEach((key, element) -> masked.put(String.valueOf(key), mask(element, type, depth + 1)));
            return masked;
        }
        return Masking.mask(String.valueOf(value), type);
    }
}
