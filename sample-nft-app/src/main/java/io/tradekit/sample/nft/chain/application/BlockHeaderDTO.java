package io.tradekit.sample.nft.chain.application;

import io.tradekit.sample.nft.chain.domain.BlockHeader;
import io.tradekit.sample.nft.chain.domain.Hash;

/**
 * A block header and its hash, hashes in hex.
 *
 * @param height           the block's height (1 = first)
 * @param timestamp        when it was sealed, epoch milliseconds
 * @param previousHash     the previous block's hash (64 zeros for the first)
 * @param merkleRoot       the root over the block's transactions
 * @param transactionCount how many transactions the block holds
 * @param hash             SHA-256 over the header fields
 */
public record BlockHeaderDTO(long height, long timestamp, String previousHash, String merkleRoot,
        int transactionCount, String hash) {

    static BlockHeaderDTO of(BlockHeader header, Hash hash) {
        return new BlockHeaderDTO(header.height(), header.timestamp(), header.previousHash().hex(),
                header.merkleRoot().hex(), header.transactionCount(), hash.hex());
    }

    BlockHeader toHeader() {
        return new BlockHeader(height, timestamp, Hash.fromHex(previousHash), Hash.fromHex(merkleRoot),
                transactionCount);
    }
}
