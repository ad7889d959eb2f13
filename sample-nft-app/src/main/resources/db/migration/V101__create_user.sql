-- Buyers: one account per phone number (the unique key is the last line of defence behind the
-- USER_REGISTER lock). Passwords are stored as PBKDF2 hashes with their salt and iteration count.
CREATE TABLE nft_user (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    telephone     VARCHAR(20)  NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    nick_name     VARCHAR(64)  NOT NULL,
    state         VARCHAR(16)  NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    real_name     VARCHAR(64),
    id_card_no    VARCHAR(18),
    created_at    TIMESTAMP    NOT NULL,
    updated_at    TIMESTAMP    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_nft_user_telephone UNIQUE (telephone)
);
