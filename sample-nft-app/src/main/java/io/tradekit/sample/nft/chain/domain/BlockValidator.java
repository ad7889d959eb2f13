package io.tradekit.sample.nft.chain.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Recomputes one stored block from its parts and says what does not match: the Merkle root over
 * the stored transactions, the transaction count, the header hash and the link to the previous
 * block. Changing any stored transaction field or header field shows up here.
 */
public final class BlockValidator {

    /**
     * @param block                the block as stored
     * @param expectedHeight       the height this block must have (previous + 1)
     * @param previousStoredHash   the stored hash of the previous block, {@link Hash#ZERO} for the first
     * @return what is wrong, empty when the block is intact
     */
    public List<String> problems(Block block, long expectedHeight, Hash previousStoredHash) {
        List<String> problems = new ArrayList<>();
        BlockHeader header = block.header();
        if (header.height() != expectedHeight) {
            problems.add("height " + header.height() + " where " + expectedHeight + " was expected");
        }
        if (block.transactions().size() != header.transactionCount()) {
            problems.add("body holds " + block.transactions().size() + " transactions, header says "
                    + header.transactionCount());
        }
        if (block.transactions().isEmpty()) {
            problems.add("empty body");
        } else if (!block.tree().root().equals(header.merkleRoot())) {
            problems.add("Merkle root over the stored transactions differs from the header's");
        }
        if (!header.hash().equals(block.hash())) {
            problems.add("header does not hash to the stored block hash");
        }
        if (!header.previousHash().equals(previousStoredHash)) {
            problems.add("previous hash does not match the stored hash of block " + (expectedHeight - 1));
        }
        return problems;
    }
}
