package io.tradekit.sample.nft.chain.domain;

import java.util.List;
import java.util.Objects;

/**
 * A sealed block: its {@link BlockHeader}, the header's hash and the body of transactions in leaf
 * order.
 *
 * @param header       the header
 * @param hash         {@code header.hash()} as stored (a tampered store can make them differ)
 * @param transactions the body, in Merkle leaf order
 */
public record Block(BlockHeader header, Hash hash, List<MintTransaction> transactions) {

    public Block {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(hash, "hash");
        transactions = List.copyOf(transactions);
    }

    /**
     * Seals pending transactions into the block after {@code previousHash}.
     *
     * @throws IllegalArgumentException when there are no transactions
     */
    public static Block seal(long height, Hash previousHash, long timestamp, List<MintTransaction> transactions) {
        MerkleTree tree = MerkleTree.of(transactions.stream().map(MintTransaction::leafHash).toList());
        BlockHeader header = new BlockHeader(height, timestamp, previousHash, tree.root(), transactions.size());
        return new Block(header, header.hash(), transactions);
    }

    /** The Merkle tree recomputed from the body. */
    public MerkleTree tree() {
        return MerkleTree.of(transactions.stream().map(MintTransaction::leafHash).toList());
    }
}
