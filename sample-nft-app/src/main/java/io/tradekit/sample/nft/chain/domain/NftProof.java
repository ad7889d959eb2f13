package io.tradekit.sample.nft.chain.domain;

/**
 * An NFT's inclusion proof: its transaction (the leaf data), the Merkle path to the root and the
 * header of the block that commits to the root. Checked by {@link MerkleProofVerifier}.
 *
 * @param transaction the mint transaction
 * @param proof       the Merkle proof of its leaf
 * @param header      the block header
 * @param blockHash   the block's hash
 */
public record NftProof(MintTransaction transaction, MerkleProof proof, BlockHeader header, Hash blockHash) {
}
