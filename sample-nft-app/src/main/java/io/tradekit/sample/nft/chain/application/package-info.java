/**
 * The chain context's use cases: {@link io.tradekit.sample.nft.chain.application.ChainCommandService}
 * (mint once per paid order, seal blocks) and {@link io.tradekit.sample.nft.chain.application.ChainQueryService}
 * (NFTs, proofs, blocks, chain verification), with the DTOs the web returns. Other contexts may
 * use this package.
 */
@org.springframework.modulith.NamedInterface("application")
package io.tradekit.sample.nft.chain.application;
