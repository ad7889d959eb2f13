-- Orders (ids from the snowflake generator), their state flow, and the guard table of the
-- tx-message consumers (per consumer group and message key: each message's work happens once).
CREATE TABLE nft_order (
    id              BIGINT        NOT NULL,
    buyer_id        BIGINT        NOT NULL,
    collection_id   BIGINT        NOT NULL,
    collection_name VARCHAR(128)  NOT NULL,
    quantity        INT           NOT NULL,
    unit_price      DECIMAL(18,2) NOT NULL,
    amount          DECIMAL(18,2) NOT NULL,
    identifier      VARCHAR(64)   NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    pay_no          VARCHAR(64),
    created_at      TIMESTAMP     NOT NULL,
    paid_at         TIMESTAMP     NULL,
    closed_at       TIMESTAMP     NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_nft_order_identifier UNIQUE (identifier)
);
CREATE INDEX idx_nft_order_buyer ON nft_order (buyer_id);
CREATE INDEX idx_nft_order_state_created ON nft_order (state, created_at);
CREATE INDEX idx_nft_order_collection ON nft_order (collection_id);

CREATE TABLE nft_order_flow (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    order_id   BIGINT      NOT NULL,
    from_state VARCHAR(16),
    to_state   VARCHAR(16) NOT NULL,
    action     VARCHAR(16) NOT NULL,
    created_at TIMESTAMP   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_nft_order_flow UNIQUE (order_id, to_state)
);

CREATE TABLE IF NOT EXISTS tradekit_txmsg_consumed (
    consumer_group VARCHAR(255) NOT NULL,
    message_key    VARCHAR(128) NOT NULL,
    consumed_at    TIMESTAMP    NOT NULL,
    PRIMARY KEY (consumer_group, message_key)
);
