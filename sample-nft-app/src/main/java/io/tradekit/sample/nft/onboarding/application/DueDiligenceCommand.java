package io.tradekit.sample.nft.onboarding.application;

import java.util.List;

/**
 * What an officer records as due diligence (尽职调查); who and when come from the session and the clock.
 *
 * @param items      one answer per checklist item
 * @param findings   what the officer found (site visit, documents seen, interviews)
 * @param conclusion {@code PASS}, {@code FAIL} or {@code NEEDS_MORE}
 */
public record DueDiligenceCommand(List<Item> items, String findings, String conclusion) {

    /**
     * One answer.
     *
     * @param code   the checklist item's code
     * @param result {@code CONFIRMED}, {@code DISCREPANCY} or {@code NOT_APPLICABLE}
     * @param note   the officer's note, may be {@code null}
     */
    public record Item(String code, String result, String note) {
    }
}
