package io.tradekit.sample.nft.chain.domain;

import java.util.List;

/**
 * Checks a {@link MerkleProof} with nothing but the proof itself and, for NFTs, the block header it
 * names: no ledger, no database. This is all a light client runs.
 *
 * <p>The verifier does not trust the sides written in the proof: it derives the shape of the path
 * (which levels have a sibling and on which side) from {@code leafIndex} and {@code leafCount} and
 * rejects a proof whose steps disagree, so a proof cannot be replayed for another position.
 * Stateless and thread-safe.
 */
public final class MerkleProofVerifier {

    /** The largest tree a proof may claim (a block never holds this many transactions). */
    public static final int MAX_LEAVES = 1 << 20;

    /**
     * Whether the proof's leaf is at its index in a tree with the proof's root.
     *
     * @return false for any inconsistency, including a null proof
     */
    public boolean verify(MerkleProof proof) {
        if (proof == null || proof.leafCount() < 1 || proof.leafCount() > MAX_LEAVES
                || proof.leafIndex() < 0 || proof.leafIndex() >= proof.leafCount()) {
            return false;
        }
        List<ProofStep> path = proof.path();
        Hash current = proof.leafHash();
        int position = proof.leafIndex();
        int size = proof.leafCount();
        int step = 0;
        while (size > 1) {
            if ((position ^ 1) < size) {
                if (step >= path.size()) {
                    return false;
                }
                ProofStep next = path.get(step++);
                boolean siblingOnRight = (position & 1) == 0;
                if (next.side() != (siblingOnRight ? ProofStep.Side.RIGHT : ProofStep.Side.LEFT)) {
                    return false;
                }
                current = siblingOnRight ? MerkleTree.node(current, next.sibling())
                        : MerkleTree.node(next.sibling(), current);
            }
            position >>= 1;
            size = (size + 1) / 2;
        }
        return step == path.size() && current.equals(proof.root());
    }

    /**
     * Whether an NFT's proof holds end to end: the leaf is the hash of exactly this transaction,
     * the path leads to the header's Merkle root over the header's transaction count, and the
     * header hashes to {@code blockHash} (the value a light client got from a source it trusts).
     *
     * @return false for any inconsistency, including null arguments
     */
    public boolean verify(MintTransaction transaction, MerkleProof proof, BlockHeader header, Hash blockHash) {
        if (transaction == null || proof == null || header == null || blockHash == null) {
            return false;
        }
        return transaction.leafHash().equals(proof.leafHash())
                && proof.root().equals(header.merkleRoot())
                && proof.leafCount() == header.transactionCount()
                && header.hash().equals(blockHash)
                && verify(proof);
    }
}
