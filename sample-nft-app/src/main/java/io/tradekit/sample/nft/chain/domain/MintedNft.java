package io.tradekit.sample.nft.chain.domain;

/**
 * An NFT on the ledger and where it is: {@code blockHeight} is null while its transaction waits to
 * be sealed into a block.
 *
 * @param transaction the mint transaction
 * @param blockHeight the block holding it, or null while pending
 */
public record MintedNft(MintTransaction transaction, Long blockHeight) {
}
