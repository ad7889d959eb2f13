package io.tradekit.sample.nft.user.infrastructure;

import io.tradekit.sample.nft.user.application.UserProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The keyed fingerprint (HMAC-SHA256, hex) under which an ID number is unique in {@code nft_user}.
 * Keyed, because ID numbers are few enough (a birth date, a district, a sequence) to be recovered
 * from a plain hash by trying them all; without the key the column tells nothing.
 */
@Component
class IdNumberFingerprint {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY = 32;

    private final SecretKeySpec key;

    IdNumberFingerprint(UserProperties properties) {
        String secret = properties.getIdNumberKey();
        if (secret == null || secret.strip().length() < MIN_KEY) {
            throw new IllegalStateException("sample.user.id-number-key must be a secret of at least " + MIN_KEY
                    + " characters (IdNumberFingerprint makes ID numbers unique per account with it)");
        }
        this.key = new SecretKeySpec(secret.strip().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The fingerprint of a validated, upper-cased GB 11643 number. */
    String of(String idNumber) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(("GB11643:" + idNumber).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every JDK 17", e);
        }
    }
}
