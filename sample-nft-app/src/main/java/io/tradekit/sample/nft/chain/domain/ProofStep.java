package io.tradekit.sample.nft.chain.domain;

import java.util.Objects;

/**
 * One level of a {@link MerkleProof}: the sibling's hash and the side it sits on.
 *
 * @param sibling the hash of the sibling node
 * @param side    where the sibling sits: {@code LEFT} means parent = node(sibling, current)
 */
public record ProofStep(Hash sibling, Side side) {

    public ProofStep {
        Objects.requireNonNull(sibling, "sibling");
        Objects.requireNonNull(side, "side");
    }

    /** The side of the sibling relative to the node being proven. */
    public enum Side { LEFT, RIGHT }
}
