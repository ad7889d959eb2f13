package io.tradekit.lock;

import io.tradekit.core.log.LogSanitizer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Builds Redis key names for a lock and renders keys for logs without their raw value: a key may
 * be a phone number or an id number, so logs and events carry a short SHA-256 digest instead.
 */
final class LockKeys {

    private static final String FENCE_SUFFIX = ":fence";

    private LockKeys() {
    }

    /**
     * The Redisson lock name {@code prefix + "{" + scene + "#" + key + "}"}: the braces are a Redis
     * Cluster hash tag, so the lock and its fence counter ({@link #fenceKey}) share a slot.
     */
    static String lockKey(String prefix, String scene, String key) {
        return new StringBuilder(prefix.length() + scene.length() + key.length() + 3)
                .append(prefix).append('{').append(scene).append('#').append(key).append('}').toString();
    }

    /** The fence counter of a lock: the lock name plus a suffix, hence the same hash tag and slot. */
    static String fenceKey(String lockKey) {
        return lockKey + FENCE_SUFFIX;
    }

    /** {@code scene#sha256:<12 hex>}, CR/LF-escaped: safe to log, stable enough to correlate lines. */
    static String describe(String scene, String key) {
        return LogSanitizer.escape(scene) + "#" + digest(key);
    }

    static String digest(String key) {
        if (key == null) {
            return "null";
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
