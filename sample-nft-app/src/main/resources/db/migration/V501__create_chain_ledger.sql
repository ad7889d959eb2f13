-- The chain context's local ledger: sealed blocks, mint transactions and the chain head.
-- Times are epoch milliseconds in BIGINT: they are hashed, so they must read back bit-exact on
-- H2 and MySQL/MariaDB alike (DATETIME precision differs between them).

CREATE TABLE chain_block (
    height        BIGINT      NOT NULL,
    block_hash    CHAR(64)    NOT NULL,
    previous_hash CHAR(64)    NOT NULL,
    merkle_root   CHAR(64)    NOT NULL,
    tx_count      INT         NOT NULL,
    sealed_at     BIGINT      NOT NULL,
    CONSTRAINT pk_chain_block PRIMARY KEY (height),
    CONSTRAINT uk_chain_block_hash UNIQUE (block_hash)
);

-- block_height/leaf_index stay NULL while a transaction waits to be sealed.
-- (order_id, order_serial) unique: an order is minted once however often its event arrives.
CREATE TABLE chain_transaction (
    token_id      BIGINT      NOT NULL,
    order_id      BIGINT      NOT NULL,
    order_serial  INT         NOT NULL,
    collection_id BIGINT      NOT NULL,
    owner_id      BIGINT      NOT NULL,
    minted_at     BIGINT      NOT NULL,
    leaf_hash     CHAR(64)    NOT NULL,
    block_height  BIGINT      NULL,
    leaf_index    INT         NULL,
    CONSTRAINT pk_chain_transaction PRIMARY KEY (token_id),
    CONSTRAINT uk_chain_tx_order UNIQUE (order_id, order_serial),
    CONSTRAINT uk_chain_tx_leaf UNIQUE (block_height, leaf_index)
);

CREATE INDEX idx_chain_tx_owner ON chain_transaction (owner_id, token_id);

-- One row: the last sealed block. Sealing locks it (SELECT ... FOR UPDATE), which serializes
-- sealers across instances so heights never fork.
CREATE TABLE chain_head (
    id         INT      NOT NULL,
    height     BIGINT   NOT NULL,
    block_hash CHAR(64) NOT NULL,
    CONSTRAINT pk_chain_head PRIMARY KEY (id)
);

INSERT INTO chain_head (id, height, block_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
