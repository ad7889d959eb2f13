-- DB stock of a collection on sale (deducted by a conditional update, never read-then-write) and
-- the inventory flow: one row per order and change, the unique key makes each change happen once.
CREATE TABLE nft_inventory (
    collection_id BIGINT    NOT NULL,
    total         INT       NOT NULL,
    stock         INT       NOT NULL,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL,
    PRIMARY KEY (collection_id),
    CONSTRAINT ck_nft_inventory_stock CHECK (stock >= 0)
);

CREATE TABLE nft_inventory_flow (
    id            BIGINT      NOT NULL AUTO_INCREMENT,
    collection_id BIGINT      NOT NULL,
    order_id      BIGINT      NOT NULL,
    identifier    VARCHAR(64) NOT NULL,
    change_type   VARCHAR(16) NOT NULL,
    quantity      INT         NOT NULL,
    created_at    TIMESTAMP   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_nft_inventory_flow UNIQUE (order_id, change_type)
);
CREATE INDEX idx_nft_inventory_flow_collection ON nft_inventory_flow (collection_id);
