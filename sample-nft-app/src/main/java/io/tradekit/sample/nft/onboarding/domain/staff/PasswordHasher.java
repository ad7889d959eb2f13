package io.tradekit.sample.nft.onboarding.domain.staff;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 password hashes from the JDK, stored as
 * {@code pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>} so the cost can grow per hash.
 */
public final class PasswordHasher {

    /** Iterations for new hashes. */
    public static final int ITERATIONS = 210_000;
    private static final int MAX_ITERATIONS = 2_000_000;
    private static final int MAX_PASSWORD_LENGTH = 128;
    private static final String PREFIX = "pbkdf2-sha256";
    // Verified against when the login name is unknown, so both paths cost the same.
    private static final String DUMMY = hash("dummy-password-for-timing", new byte[16], ITERATIONS);

    private PasswordHasher() {
    }

    /** A new hash of {@code password} with a random salt. */
    public static String hash(String password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return hash(password, salt, ITERATIONS);
    }

    /** Whether {@code password} matches {@code stored}; {@code stored == null} costs one hash and fails. */
    public static boolean verify(String password, String stored) {
        if (password == null || password.isEmpty() || password.length() > MAX_PASSWORD_LENGTH) {
            return false;
        }
        String[] parts = (stored == null ? DUMMY : stored).split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            if (iterations < 1 || iterations > MAX_ITERATIONS) {
                return false;
            }
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            byte[] actual = derive(password, salt, iterations);
            return MessageDigest.isEqual(expected, actual) && stored != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String hash(String password, byte[] salt, int iterations) {
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, iterations));
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is required by every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
