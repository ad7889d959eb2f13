/**
 * The ledger's rules without Spring or a database: SHA-256 {@link io.tradekit.sample.nft.chain.domain.Hash},
 * {@link io.tradekit.sample.nft.chain.domain.MerkleTree} and its proofs, the
 * {@link io.tradekit.sample.nft.chain.domain.MerkleProofVerifier} a light client runs, blocks and
 * their validation, and the {@link io.tradekit.sample.nft.chain.domain.ChainGateway} port.
 */
package io.tradekit.sample.nft.chain.domain;
