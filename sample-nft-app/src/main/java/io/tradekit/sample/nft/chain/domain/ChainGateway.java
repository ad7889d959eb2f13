package io.tradekit.sample.nft.chain.domain;

import java.util.List;
import java.util.Optional;

/**
 * The port to the ledger that records NFTs. The sample implements it with a hash-chained ledger in
 * its own database; a gateway to a real chain could replace it without touching the application.
 */
public interface ChainGateway {

    /**
     * Records the mint transactions of one order, once: a second call for the same order changes
     * nothing, also when both calls race.
     *
     * @param transactions the order's transactions, serials 0..n-1, all with the same order id
     * @return true when recorded now, false when the order was recorded before
     */
    boolean submit(List<MintTransaction> transactions);

    /**
     * Seals up to {@code maxTransactions} pending transactions into the next block.
     *
     * @return the new block, empty when nothing was pending
     */
    Optional<Block> sealNext(int maxTransactions);

    /** How many transactions wait for a block. */
    long pendingCount();

    /** The NFT with this token id, sealed or pending. */
    Optional<MintedNft> nft(long tokenId);

    /** The owner's NFTs, newest first, at most {@code limit}. */
    List<MintedNft> nftsOf(long ownerId, int limit);

    /** The sealed block at this height. */
    Optional<Block> block(long height);

    /** Recomputes every block and link from the stored data. */
    ChainVerificationReport verify();
}
