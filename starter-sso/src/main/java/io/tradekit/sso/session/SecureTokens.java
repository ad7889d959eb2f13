package io.tradekit.sso.session;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Random tokens and SSO tickets: 256 bits from {@link SecureRandom}, base64url without padding
 * (43 characters). Sa-Token's own {@code random-*} styles and tickets use {@code ThreadLocalRandom},
 * which is predictable, so tradekit replaces them.
 */
public final class SecureTokens {

    /** The shape of every token and ticket this class makes. */
    public static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private SecureTokens() {
    }

    /** A new 256-bit random value. */
    public static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** Whether the value has the shape of {@link #next()}'s results (cheap check before any Redis call). */
    public static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }
}
