package io.tradekit.sample.nft.chain.domain;

import java.util.List;
import java.util.Objects;

/**
 * What a light client needs to check that a leaf belongs to a tree with a known root: the leaf's
 * hash, its position among {@code leafCount} leaves, the sibling path from the leaf up and the
 * root. Checked by {@link MerkleProofVerifier}.
 *
 * @param leafHash  {@link MerkleTree#leafHash(byte[])} of the leaf's data
 * @param leafIndex the leaf's position, 0-based
 * @param leafCount the number of leaves of the tree
 * @param path      the siblings from the leaf level up (levels where the node is promoted have none)
 * @param root      the tree's root
 */
public record MerkleProof(Hash leafHash, int leafIndex, int leafCount, List<ProofStep> path, Hash root) {

    public MerkleProof {
        Objects.requireNonNull(leafHash, "leafHash");
        Objects.requireNonNull(root, "root");
        path = List.copyOf(Objects.requireNonNull(path, "path"));
    }
}
