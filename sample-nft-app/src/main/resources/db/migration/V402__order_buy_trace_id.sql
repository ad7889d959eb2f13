-- The trace id of the HTTP buy that created the order (issue 22): the mint, caused later by a payment with
-- a trace of its own, names it, so one id leads from the buy to the NFTs. NULL for orders written before.
ALTER TABLE nft_order ADD COLUMN buy_trace_id VARCHAR(64) NULL;
