package io.tradekit.sample.nft.onboarding.domain.rule;

import io.tradekit.sample.nft.onboarding.domain.registry.RegistryCheck;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A pre-review (预审): every check result under one rule version, the registry's answer and the
 * overall outcome. Stored as it was, so the application always shows what it was judged by.
 */
public record ReviewReport(String businessType, int ruleVersion, LocalDate reviewDay, Instant reviewedAt,
                           RegistryCheck registry, List<CheckResult> results) {

    public ReviewReport {
        results = List.copyOf(results);
    }

    /** The worst outcome of all checks; {@code PASS} when there are none. */
    public CheckOutcome overall() {
        return results.stream().map(CheckResult::outcome).max(Comparator.naturalOrder()).orElse(CheckOutcome.PASS);
    }

    /** The description of every exception found (each result that is not a pass). */
    public List<String> exceptions() {
        return results.stream().filter(r -> r.outcome() != CheckOutcome.PASS)
                .map(r -> r.outcome() + " " + r.elementName() + " [" + r.subject() + "]: " + r.message())
                .toList();
    }
}
