package io.tradekit.sample.nft.chain.application;

import io.tradekit.sample.nft.chain.domain.Hash;
import io.tradekit.sample.nft.chain.domain.MerkleProof;
import io.tradekit.sample.nft.chain.domain.MerkleProofVerifier;
import io.tradekit.sample.nft.chain.domain.ProofStep;
import java.util.List;

/**
 * What {@code GET /chain/proof/{tokenId}} returns: the leaf (the NFT's transaction and its hash),
 * the sibling path from the leaf up, the root and the header of the block committing to it.
 *
 * @param leaf      the NFT's transaction, the leaf data
 * @param leafIndex the leaf's position in the block
 * @param leafCount the block's transaction count
 * @param path      siblings from the leaf level up; {@code side} is where the sibling sits
 * @param root      the Merkle root the path leads to
 * @param header    the block header (its {@code merkleRoot} must equal {@code root})
 */
public record NftProofDTO(NftDTO leaf, int leafIndex, int leafCount, List<Step> path, String root,
        BlockHeaderDTO header) {

    /**
     * Checks this proof as a light client would, with {@link MerkleProofVerifier} and nothing else:
     * leaf hash recomputed from the leaf fields, path to the root, root and count in the header,
     * header hashing to {@code header.hash}.
     *
     * @return false for any inconsistency, malformed hashes included
     */
    public boolean verify() {
        try {
            List<ProofStep> steps = path.stream()
                    .map(step -> new ProofStep(Hash.fromHex(step.hash()), ProofStep.Side.valueOf(step.side())))
                    .toList();
            MerkleProof proof = new MerkleProof(Hash.fromHex(leaf.leafHash()), leafIndex, leafCount, steps,
                    Hash.fromHex(root));
            return new MerkleProofVerifier().verify(leaf.toTransaction(), proof, header.toHeader(),
                    Hash.fromHex(header.hash()));
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /**
     * One sibling on the path.
     *
     * @param hash the sibling's hash, hex
     * @param side {@code LEFT} or {@code RIGHT}: where the sibling sits
     */
    public record Step(String hash, String side) {
    }
}
