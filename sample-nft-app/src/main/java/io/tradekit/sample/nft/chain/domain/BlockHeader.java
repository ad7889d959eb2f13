package io.tradekit.sample.nft.chain.domain;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * What a block's hash covers: its height, when it was sealed, the previous block's hash (linking
 * the chain) and the Merkle root over its transactions (binding the body).
 *
 * @param height           1 for the first block, then +1 each
 * @param timestamp        when the block was sealed, epoch milliseconds
 * @param previousHash     the hash of block {@code height - 1}, {@link Hash#ZERO} for the first
 * @param merkleRoot       the root of the {@link MerkleTree} over the transactions in order
 * @param transactionCount how many transactions the body holds
 */
public record BlockHeader(long height, long timestamp, Hash previousHash, Hash merkleRoot, int transactionCount) {

    static final byte HEADER_TAG = 0x02;

    public BlockHeader {
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(merkleRoot, "merkleRoot");
    }

    /**
     * {@code SHA-256(0x02 || height || timestamp || previousHash || merkleRoot || transactionCount)},
     * fixed-width big-endian; the tag keeps a header from ever hashing like a tree node or leaf.
     */
    public Hash hash() {
        byte[] encoded = ByteBuffer.allocate(Long.BYTES * 2 + Hash.LENGTH * 2 + Integer.BYTES)
                .putLong(height).putLong(timestamp)
                .put(previousHash.unsafeBytes()).put(merkleRoot.unsafeBytes())
                .putInt(transactionCount)
                .array();
        return Hash.sha256(HEADER_TAG, encoded);
    }
}
