package io.tradekit.sample.nft.chain.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A binary hash tree over the transactions of a block, built bottom-up.
 *
 * <ul>
 *   <li><b>Domain separation.</b> A leaf is {@code SHA-256(0x00 || data)} and an inner node
 *   {@code SHA-256(0x01 || left || right)} (as in RFC 6962), so an inner node can never be passed
 *   off as a leaf: without the tags, the 64 bytes {@code left || right} would be a valid "leaf"
 *   with the same hash (a second-preimage attack on the proof).</li>
 *   <li><b>Odd counts.</b> When a level has an odd number of nodes, the last one is promoted to the
 *   next level unchanged; it is not paired with a copy of itself (Bitcoin's rule), because
 *   duplication lets two different leaf lists ({@code [a,b,c]} and {@code [a,b,c,c]}) share a
 *   root (CVE-2012-2459). A promoted node has no sibling at that level, so its proof skips it.</li>
 *   <li>A tree needs at least one leaf; the root of a one-leaf tree is that leaf's hash.</li>
 * </ul>
 */
public final class MerkleTree {

    static final byte LEAF_TAG = 0x00;
    static final byte NODE_TAG = 0x01;

    private final List<List<Hash>> levels;

    private MerkleTree(List<List<Hash>> levels) {
        this.levels = levels;
    }

    /**
     * Builds the tree over already hashed leaves (see {@link #leafHash(byte[])}).
     *
     * @throws IllegalArgumentException when there are no leaves or one is null
     */
    public static MerkleTree of(List<Hash> leafHashes) {
        if (leafHashes == null || leafHashes.isEmpty()) {
            throw new IllegalArgumentException("A Merkle tree needs at least one leaf");
        }
        List<List<Hash>> levels = new ArrayList<>();
        List<Hash> level = List.copyOf(leafHashes);
        levels.add(level);
        while (level.size() > 1) {
            List<Hash> parents = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i < level.size(); i += 2) {
                parents.add(i + 1 < level.size() ? node(level.get(i), level.get(i + 1)) : level.get(i));
            }
            level = List.copyOf(parents);
            levels.add(level);
        }
        return new MerkleTree(List.copyOf(levels));
    }

    /** The hash of a leaf: {@code SHA-256(0x00 || data)}. */
    public static Hash leafHash(byte[] data) {
        return Hash.sha256(LEAF_TAG, data);
    }

    /** The hash of an inner node: {@code SHA-256(0x01 || left || right)}. */
    public static Hash node(Hash left, Hash right) {
        return Hash.sha256(NODE_TAG, left.unsafeBytes(), right.unsafeBytes());
    }

    public Hash root() {
        List<Hash> top = levels.get(levels.size() - 1);
        return top.get(0);
    }

    public int leafCount() {
        return levels.get(0).size();
    }

    /**
     * The proof that the leaf at {@code index} is in this tree.
     *
     * @throws IndexOutOfBoundsException when there is no such leaf
     */
    public MerkleProof proof(int index) {
        List<Hash> leaves = levels.get(0);
        if (index < 0 || index >= leaves.size()) {
            throw new IndexOutOfBoundsException("Leaf " + index + " of " + leaves.size());
        }
        List<ProofStep> path = new ArrayList<>();
        int position = index;
        for (int depth = 0; depth < levels.size() - 1; depth++) {
            List<Hash> level = levels.get(depth);
            int sibling = position ^ 1;
            if (sibling < level.size()) {
                ProofStep.Side side = (position & 1) == 0 ? ProofStep.Side.RIGHT : ProofStep.Side.LEFT;
                path.add(new ProofStep(level.get(sibling), side));
            }
            position >>= 1;
        }
        return new MerkleProof(leaves.get(index), index, leaves.size(), path, root());
    }
}
