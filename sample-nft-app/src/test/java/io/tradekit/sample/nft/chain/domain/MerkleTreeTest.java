package io.tradekit.sample.nft.chain.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    private final MerkleProofVerifier verifier = new MerkleProofVerifier();

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 7, 1000})
    void everyProofVerifies(int count) {
        MerkleTree tree = MerkleTree.of(leaves(count));

        assertThat(tree.leafCount()).isEqualTo(count);
        for (int i = 0; i < count; i++) {
            MerkleProof proof = tree.proof(i);
            assertThat(proof.root()).isEqualTo(tree.root());
            assertThat(verifier.verify(proof)).as("proof of leaf %d of %d", i, count).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 7, 1000})
    void aFlippedByteAnywhereFails(int count) {
        MerkleTree tree = MerkleTree.of(leaves(count));
        for (int i : sampleIndexes(count)) {
            MerkleProof proof = tree.proof(i);

            assertThat(verifier.verify(withLeaf(proof, flip(proof.leafHash(), i % Hash.LENGTH)))).isFalse();
            assertThat(verifier.verify(withRoot(proof, flip(proof.root(), 0)))).isFalse();
            for (int step = 0; step < proof.path().size(); step++) {
                List<ProofStep> path = new ArrayList<>(proof.path());
                ProofStep original = path.get(step);
                path.set(step, new ProofStep(flip(original.sibling(), 31), original.side()));
                assertThat(verifier.verify(withPath(proof, path))).as("flipped sibling %d", step).isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 7, 1000})
    void aWrongIndexFails(int count) {
        MerkleTree tree = MerkleTree.of(leaves(count));
        for (int i : sampleIndexes(count)) {
            MerkleProof proof = tree.proof(i);
            for (int other = 0; other < count; other++) {
                if (other != i) {
                    MerkleProof moved = new MerkleProof(proof.leafHash(), other, count, proof.path(), proof.root());
                    assertThat(verifier.verify(moved)).as("leaf %d claimed at %d of %d", i, other, count).isFalse();
                }
            }
            assertThat(verifier.verify(new MerkleProof(proof.leafHash(), count, count, proof.path(), proof.root())))
                    .isFalse();
            assertThat(verifier.verify(new MerkleProof(proof.leafHash(), -1, count, proof.path(), proof.root())))
                    .isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 7, 1000})
    void aWrongRootOrLeafCountFails(int count) {
        MerkleTree tree = MerkleTree.of(leaves(count));
        Hash otherRoot = MerkleTree.of(leaves(count + 1)).root();
        MerkleProof proof = tree.proof(count - 1);

        assertThat(verifier.verify(withRoot(proof, otherRoot))).isFalse();
        assertThat(verifier.verify(withRoot(proof, proof.leafHash()))).isEqualTo(count == 1);
        assertThat(verifier.verify(new MerkleProof(proof.leafHash(), proof.leafIndex(), count + 1, proof.path(),
                proof.root()))).isFalse();
        assertThat(verifier.verify(new MerkleProof(proof.leafHash(), proof.leafIndex(), 0, proof.path(),
                proof.root()))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 7, 1000})
    void aSwappedSiblingSideFails(int count) {
        MerkleTree tree = MerkleTree.of(leaves(count));
        for (int i : sampleIndexes(count)) {
            MerkleProof proof = tree.proof(i);
            for (int step = 0; step < proof.path().size(); step++) {
                List<ProofStep> path = new ArrayList<>(proof.path());
                ProofStep original = path.get(step);
                ProofStep.Side swapped = original.side() == ProofStep.Side.LEFT ? ProofStep.Side.RIGHT
                        : ProofStep.Side.LEFT;
                path.set(step, new ProofStep(original.sibling(), swapped));
                assertThat(verifier.verify(withPath(proof, path))).as("swapped step %d", step).isFalse();
            }
        }
    }

    @Test
    void aTruncatedOrExtendedPathFails() {
        MerkleTree tree = MerkleTree.of(leaves(7));
        MerkleProof proof = tree.proof(2);
        List<ProofStep> longer = new ArrayList<>(proof.path());
        longer.add(new ProofStep(proof.root(), ProofStep.Side.LEFT));

        assertThat(verifier.verify(withPath(proof, proof.path().subList(0, proof.path().size() - 1)))).isFalse();
        assertThat(verifier.verify(withPath(proof, longer))).isFalse();
        assertThat(verifier.verify(withPath(proof, List.of()))).isFalse();
    }

    @Test
    void anOddLastNodeIsPromotedNotDuplicated() {
        List<Hash> three = leaves(3);
        List<Hash> fourWithCopy = new ArrayList<>(three);
        fourWithCopy.add(three.get(2));

        MerkleTree tree = MerkleTree.of(three);

        // Duplication would give [a,b,c] and [a,b,c,c] the same root (CVE-2012-2459).
        assertThat(tree.root()).isNotEqualTo(MerkleTree.of(fourWithCopy).root());
        assertThat(tree.root()).isEqualTo(MerkleTree.node(MerkleTree.node(three.get(0), three.get(1)), three.get(2)));
        MerkleProof promoted = tree.proof(2);
        assertThat(promoted.path()).hasSize(1);
        assertThat(promoted.path().get(0).side()).isEqualTo(ProofStep.Side.LEFT);
    }

    @Test
    void leavesAndInnerNodesAreHashedInSeparateDomains() {
        List<Hash> four = leaves(4);
        MerkleTree tree = MerkleTree.of(four);
        Hash left = MerkleTree.node(four.get(0), four.get(1));
        Hash right = MerkleTree.node(four.get(2), four.get(3));
        byte[] innerNodeAsData = concat(four.get(0).bytes(), four.get(1).bytes());

        // Presenting an inner node's children as a leaf's data yields a different hash...
        assertThat(MerkleTree.leafHash(innerNodeAsData)).isNotEqualTo(left);
        // ...so a forged two-leaf proof over the inner node can only name a leaf no data hashes to,
        // and its leaf count contradicts the header's transaction count.
        MerkleProof forged = new MerkleProof(left, 0, 2, List.of(new ProofStep(right, ProofStep.Side.RIGHT)),
                tree.root());
        assertThat(verifier.verify(forged)).isTrue();
        MintTransaction anyTransaction = new MintTransaction(1, 2, 0, 3, 4, 5);
        BlockHeader header = new BlockHeader(1, 0, Hash.ZERO, tree.root(), 4);
        assertThat(verifier.verify(anyTransaction, forged, header, header.hash())).isFalse();
    }

    @Test
    void rejectsEmptyTreesNullsAndBadIndexes() {
        assertThatThrownBy(() -> MerkleTree.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.of(null)).isInstanceOf(IllegalArgumentException.class);
        MerkleTree tree = MerkleTree.of(leaves(3));
        assertThatThrownBy(() -> tree.proof(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> tree.proof(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(verifier.verify(null)).isFalse();
        MerkleProof proof = tree.proof(0);
        assertThat(verifier.verify(new MerkleProof(proof.leafHash(), 0, MerkleProofVerifier.MAX_LEAVES + 1,
                proof.path(), proof.root()))).isFalse();
        assertThat(verifier.verify(null, proof, null, null)).isFalse();
    }

    @Test
    void hashesParseOnlyExactLowerCaseHex() {
        Hash hash = leaves(1).get(0);

        assertThat(Hash.fromHex(hash.hex())).isEqualTo(hash);
        assertThat(Hash.of(hash.bytes())).isEqualTo(hash).hasSameHashCodeAs(hash);
        for (String bad : new String[] {null, "", "00", hash.hex().toUpperCase(), hash.hex() + "0",
                hash.hex().substring(1) + "g", " " + hash.hex().substring(1), "' OR 1=1 --"}) {
            assertThatThrownBy(() -> Hash.fromHex(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Hash.of(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hash.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    static List<Hash> leaves(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> MerkleTree.leafHash(("tx-" + i).getBytes(StandardCharsets.UTF_8)))
                .toList();
    }

    private static int[] sampleIndexes(int count) {
        return count <= 16 ? IntStream.range(0, count).toArray()
                : new int[] {0, 1, 2, 499, 500, 511, 512, 990, count - 2, count - 1};
    }

    private static Hash flip(Hash hash, int index) {
        byte[] bytes = hash.bytes();
        bytes[index] ^= 0x01;
        return Hash.of(bytes);
    }

    private static MerkleProof withLeaf(MerkleProof proof, Hash leaf) {
        return new MerkleProof(leaf, proof.leafIndex(), proof.leafCount(), proof.path(), proof.root());
    }

    private static MerkleProof withRoot(MerkleProof proof, Hash root) {
        return new MerkleProof(proof.leafHash(), proof.leafIndex(), proof.leafCount(), proof.path(), root);
    }

    private static MerkleProof withPath(MerkleProof proof, List<ProofStep> path) {
        return new MerkleProof(proof.leafHash(), proof.leafIndex(), proof.leafCount(), path, proof.root());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
