package io.tradekit.sample.nft.chain.domain;

import java.util.List;

/**
 * The outcome of re-hashing the whole ledger.
 *
 * @param blocksChecked how many blocks were recomputed
 * @param problems      one entry per block that failed, in height order; empty when the chain is intact
 */
public record ChainVerificationReport(long blocksChecked, List<BlockProblem> problems) {

    public ChainVerificationReport {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    /** The heights of the failing blocks. */
    public List<Long> invalidHeights() {
        return problems.stream().map(BlockProblem::height).toList();
    }

    /**
     * A block whose stored data do not hash as sealed.
     *
     * @param height the block
     * @param reason what did not match
     */
    public record BlockProblem(long height, String reason) {
    }
}
