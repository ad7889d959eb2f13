package io.tradekit.sample.nft.chain.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * An immutable SHA-256 digest (32 bytes), written as 64 lower-case hex characters; the
 * {@code sha256} helpers prepend a one-byte domain tag so that leaves, inner nodes and block
 * headers can never hash to each other's values (see {@link MerkleTree}).
 */
public final class Hash {

    /** The number of bytes of a digest. */
    public static final int LENGTH = 32;

    /** Thirty-two zero bytes: the previous hash of the first block. */
    public static final Hash ZERO = new Hash(new byte[LENGTH]);

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private final byte[] bytes;

    private Hash(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Wraps a copy of 32 bytes.
     *
     * @throws IllegalArgumentException when {@code bytes} is null or not 32 bytes long
     */
    public static Hash of(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("A hash has exactly " + LENGTH + " bytes");
        }
        return new Hash(bytes.clone());
    }

    /**
     * Parses 64 lower-case hex characters.
     *
     * @throws IllegalArgumentException when {@code hex} is null or not 64 lower-case hex characters
     */
    public static Hash fromHex(String hex) {
        if (hex == null || !HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("A hash is 64 lower-case hex characters");
        }
        return new Hash(HexFormat.of().parseHex(hex));
    }

    /** SHA-256 of {@code tag} followed by every part in order. */
    static Hash sha256(byte tag, byte[]... parts) {
        MessageDigest digest = newDigest();
        digest.update(tag);
        for (byte[] part : parts) {
            digest.update(part);
        }
        return new Hash(digest.digest());
    }

    /** A copy of the 32 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    byte[] unsafeBytes() {
        return bytes;
    }

    /** The 64 lower-case hex characters. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Hash hash && MessageDigest.isEqual(bytes, hash.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
