package io.tradekit.sample.nft.chain.application;

import java.util.List;

/**
 * The outcome of re-hashing the ledger.
 *
 * @param valid          whether every block and link recomputed as stored
 * @param blocksChecked  how many blocks were checked
 * @param invalidHeights the heights of the blocks that failed, ascending
 * @param problems       "height: reason" per failing block
 */
public record ChainVerificationDTO(boolean valid, long blocksChecked, List<Long> invalidHeights,
        List<String> problems) {
}
