-- The buyer of each flow, so that a reconciliation can write a missing Redis operation record exactly as
-- the order wrote it (the stock starter's record field is buyer|identifier|delta). Null on rows written
-- before: those need a person to repair.
ALTER TABLE nft_inventory_flow ADD COLUMN buyer_id BIGINT NULL;
