/**
 * The chain context: mints the NFTs of paid orders onto a hash-chained ledger (blocks of mint
 * transactions under SHA-256 Merkle roots), serves Merkle proofs a light client checks with
 * {@link io.tradekit.sample.nft.chain.domain.MerkleProofVerifier}, and re-hashes the ledger to
 * detect tampering. It listens to {@code order.api.OrderPaidEvent} and uses {@code shared} (ids,
 * session); other contexts may use its {@code application} package.
 */
package io.tradekit.sample.nft.chain;
