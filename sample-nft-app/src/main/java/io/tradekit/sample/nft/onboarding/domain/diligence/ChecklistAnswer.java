package io.tradekit.sample.nft.onboarding.domain.diligence;

/**
 * The officer's answer to one {@link ChecklistItem}.
 *
 * @param code   the item's code
 * @param label  the item's label when it was answered (kept, so the record reads alone)
 * @param result what was found
 * @param note   the officer's note, may be {@code null}
 */
public record ChecklistAnswer(String code, String label, ItemResult result, String note) {
}
