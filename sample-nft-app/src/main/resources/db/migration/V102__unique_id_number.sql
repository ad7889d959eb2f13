-- One real identity per account: the keyed fingerprint (HMAC-SHA256, hex) of the authenticated ID
-- number is unique, so a second account naming a bound number fails at the database, whatever the
-- race. Rows authenticated before this version get theirs at start-up (IdNumberFingerprintBackfill:
-- the key is configuration, not SQL); NULLs never collide.
ALTER TABLE nft_user ADD COLUMN id_card_hash VARCHAR(64);
ALTER TABLE nft_user ADD CONSTRAINT uk_nft_user_id_card_hash UNIQUE (id_card_hash);
