package io.tradekit.sample.nft.shared.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 password hashes from the JDK, for every kind of account (buyers, branch staff).
 * Stored as {@code pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>}, so the cost can rise
 * later without invalidating stored passwords; {@code pbkdf2$...} (the buyers' earlier prefix, same
 * algorithm) is still read.
 *
 * <p>{@link #matches} against {@code null} (an unknown account) costs one full derivation, so the
 * answer time does not tell which accounts exist. Passwords over {@value #MAX_PASSWORD_LENGTH}
 * characters and iteration counts over {@value #MAX_ITERATIONS} are refused before any hashing, so a
 * request or a tampered row cannot buy seconds of CPU.
 */
public final class PasswordHasher {

    /** Iterations for new hashes unless configured otherwise (OWASP's 2023 figure for PBKDF2-SHA256). */
    public static final int DEFAULT_ITERATIONS = 210_000;
    static final int MIN_ITERATIONS = 10_000;
    static final int MAX_ITERATIONS = 2_000_000;
    static final int MAX_PASSWORD_LENGTH = 128;

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final String PREFIX = "pbkdf2-sha256";
    private static final String LEGACY_PREFIX = "pbkdf2";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final SecureRandom random = new SecureRandom();
    private final int iterations;
    private final String unknownAccount;

    /** A hasher making new hashes with {@code iterations} rounds ({@value #MIN_ITERATIONS} to {@value #MAX_ITERATIONS}). */
    public PasswordHasher(int iterations) {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be " + MIN_ITERATIONS + " to " + MAX_ITERATIONS
                    + ", was " + iterations);
        }
        this.iterations = iterations;
        // Never matches (no password derives to zeros in practice); only its cost matters.
        Base64.Encoder b64 = Base64.getEncoder();
        this.unknownAccount = PREFIX + "$" + iterations + "$" + b64.encodeToString(new byte[SALT_BYTES]) + "$"
                + b64.encodeToString(new byte[HASH_BITS / 8]);
    }

    /** Hashes a password (1 to {@value #MAX_PASSWORD_LENGTH} characters) with a fresh salt. */
    public String hash(String password) {
        if (password == null || password.isEmpty() || password.length() > MAX_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password must be 1 to " + MAX_PASSWORD_LENGTH + " characters");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return hash(password, salt, iterations);
    }

    /**
     * Whether {@code password} matches {@code stored}, in time independent of where they differ;
     * {@code stored == null} (no such account) costs one derivation and fails.
     */
    public boolean matches(String password, String stored) {
        if (password == null || password.isEmpty() || password.length() > MAX_PASSWORD_LENGTH) {
            return false;
        }
        String[] parts = (stored == null ? unknownAccount : stored).split("\\$");
        if (parts.length != 4 || !(PREFIX.equals(parts[0]) || LEGACY_PREFIX.equals(parts[0]))) {
            return false;
        }
        try {
            int rounds = Integer.parseInt(parts[1]);
            if (rounds < 1 || rounds > MAX_ITERATIONS) {
                return false;
            }
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            boolean equal = MessageDigest.isEqual(expected, derive(password, salt, rounds));
            return equal && stored != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String hash(String password, byte[] salt, int rounds) {
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + "$" + rounds + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, rounds));
    }

    private static byte[] derive(String password, byte[] salt, int rounds) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, rounds, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every JDK 17", e);
        } finally {
            spec.clearPassword();
        }
    }
}
