-- NFT collections (the goods) and bookings (预约) of collections that require one.
CREATE TABLE nft_collection (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    name          VARCHAR(128)  NOT NULL,
    cover         VARCHAR(512)  NOT NULL,
    price         DECIMAL(18,2) NOT NULL,
    quantity      INT           NOT NULL,
    sale_time     TIMESTAMP     NOT NULL,
    book_required BOOLEAN       NOT NULL,
    state         VARCHAR(16)   NOT NULL,
    created_at    TIMESTAMP     NOT NULL,
    updated_at    TIMESTAMP     NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE nft_collection_booking (
    id            BIGINT    NOT NULL AUTO_INCREMENT,
    collection_id BIGINT    NOT NULL,
    user_id       BIGINT    NOT NULL,
    created_at    TIMESTAMP NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_nft_booking_user UNIQUE (collection_id, user_id)
);
