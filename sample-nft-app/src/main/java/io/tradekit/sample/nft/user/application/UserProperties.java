package io.tradekit.sample.nft.user.application;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the user context ({@code sample.user.*}). */
@ConfigurationProperties("sample.user")
public class UserProperties {

    /** PBKDF2-HMAC-SHA256 rounds of new password hashes (each hash stores its own count). */
    private int passwordIterations = 120_000;

    /**
     * Secret key of the HMAC-SHA256 fingerprint that makes an ID number unique across accounts; at
     * least 32 characters. Changing it un-binds every ID number authenticated before (they no longer
     * collide with new ones), so set it once per database.
     */
    private String idNumberKey;

    /** The admin account created at start-up when its phone has no account yet. */
    private final BootstrapAdmin bootstrapAdmin = new BootstrapAdmin();

    public int getPasswordIterations() {
        return passwordIterations;
    }

    public void setPasswordIterations(int passwordIterations) {
        this.passwordIterations = passwordIterations;
    }

    public String getIdNumberKey() {
        return idNumberKey;
    }

    public void setIdNumberKey(String idNumberKey) {
        this.idNumberKey = idNumberKey;
    }

    public BootstrapAdmin getBootstrapAdmin() {
        return bootstrapAdmin;
    }

    /** The configured first admin: a phone and the PBKDF2 hash of its password (never the password). */
    public static class BootstrapAdmin {

        /** Login phone of the admin account; empty for no bootstrap admin. */
        private String telephone;

        /**
         * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} of the admin's password, as printed by
         * {@code AdminPasswordHash}; the password itself is never configured.
         */
        private String passwordHash;

        public String getTelephone() {
            return telephone;
        }

        public void setTelephone(String telephone) {
            this.telephone = telephone;
        }

        public String getPasswordHash() {
            return passwordHash;
        }

        public void setPasswordHash(String passwordHash) {
            this.passwordHash = passwordHash;
        }
    }
}
