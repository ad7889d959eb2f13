package io.tradekit.idempotent;

import java.util.Locale;

/**
 * Validation of what reaches a Redis key or argument: tokens are canonical UUIDs, scenes short
 * names of {@code [A-Za-z0-9_.-]}, owners short printable strings. Anything else is rejected before
 * a Redis call.
 */
final class TokenFormat {

    /** Longest accepted scene name. */
    static final int MAX_SCENE_LENGTH = 64;

    /** Longest accepted owner id. */
    static final int MAX_OWNER_LENGTH = 128;

    /** Length of a request fingerprint: a SHA-256 in lower-case hexadecimal. */
    static final int FINGERPRINT_LENGTH = 64;

    private static final int UUID_LENGTH = 36;

    private TokenFormat() {
    }

    /** Whether {@code scene} is 1–64 characters of {@code [A-Za-z0-9_.-]}. */
    static boolean isValidScene(String scene) {
        if (scene == null || scene.isEmpty() || scene.length() > MAX_SCENE_LENGTH) {
            return false;
        }
        for (int i = 0; i < scene.length(); i++) {
            char c = scene.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code token} is a canonical 8-4-4-4-12 hexadecimal UUID (either case). */
    static boolean isValidToken(String token) {
        if (token == null || token.length() != UUID_LENGTH) {
            return false;
        }
        for (int i = 0; i < UUID_LENGTH; i++) {
            char c = token.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return false;
                }
            } else if (Character.digit(c, 16) < 0 || c > 'f') {
                return false;
            }
        }
        return true;
    }

    /** Lower-cases a valid token, so that an upper-case copy names the same key. */
    static String normalizeToken(String token) {
        return token.toLowerCase(Locale.ROOT);
    }

    /** Whether {@code fingerprint} is 64 lower-case hexadecimal digits (a SHA-256). */
    static boolean isValidFingerprint(String fingerprint) {
        if (fingerprint == null || fingerprint.length() != FINGERPRINT_LENGTH) {
            return false;
        }
        for (int i = 0; i < FINGERPRINT_LENGTH; i++) {
            char c = fingerprint.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code owner} is 1–128 characters without control characters. */
    static boolean isValidOwner(String owner) {
        if (owner == null || owner.isEmpty() || owner.length() > MAX_OWNER_LENGTH) {
            return false;
        }
        for (int i = 0; i < owner.length(); i++) {
            char c = owner.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }
}
