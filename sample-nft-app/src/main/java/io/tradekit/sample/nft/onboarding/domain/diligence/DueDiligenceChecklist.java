package io.tradekit.sample.nft.onboarding.domain.diligence;

import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.sample.nft.onboarding.domain.rule.CheckOutcome;
import io.tradekit.sample.nft.onboarding.domain.rule.CheckResult;
import io.tradekit.sample.nft.onboarding.domain.rule.ReviewReport;
import io.tradekit.sample.nft.onboarding.domain.rule.RuleDefinition;
import io.tradekit.sample.nft.onboarding.domain.rule.RuleSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The due-diligence checklist of an application: one item per element of the rule set it was
 * pre-reviewed under (parameter management decides what is checked, so a new element is a new item),
 * each with the pre-review's outcome, so the officer sees where to look first.
 */
public final class DueDiligenceChecklist {

    private final List<ChecklistItem> items;

    private DueDiligenceChecklist(List<ChecklistItem> items) {
        this.items = List.copyOf(items);
    }

    /** Derives the checklist from the rule set and the pre-review judged by it. */
    public static DueDiligenceChecklist of(RuleSet rules, ReviewReport review) {
        Map<String, CheckOutcome> worst = new LinkedHashMap<>();
        if (review != null) {
            for (CheckResult r : review.results()) {
                worst.merge(r.elementCode(), r.outcome(),
                        (a, b) -> Comparator.<CheckOutcome>naturalOrder().compare(a, b) >= 0 ? a : b);
            }
        }
        return new DueDiligenceChecklist(rules.definitions().stream()
                .map(d -> new ChecklistItem(d.code(), d.voucherCode(), label(d), worst.get(d.code())))
                .toList());
    }

    public List<ChecklistItem> items() {
        return items;
    }

    /**
     * Checks that {@code answers} answer every item exactly once and nothing else, and that a PASS has
     * no discrepancy; returns the answers in checklist order with the items' labels.
     *
     * @throws BizException {@code PARAM_INVALID} naming the first unknown, repeated or missing code;
     *                      {@code PARAM_INVALID} for a PASS with a discrepancy
     */
    public List<ChecklistAnswer> answer(List<ChecklistAnswer> answers, DiligenceConclusion conclusion) {
        Map<String, ChecklistAnswer> byCode = new LinkedHashMap<>();
        Set<String> known = new HashSet<>();
        items.forEach(i -> known.add(i.code()));
        for (ChecklistAnswer a : answers) {
            if (!known.contains(a.code())) {
                throw invalid("item " + a.code() + " is not on the checklist");
            }
            if (byCode.putIfAbsent(a.code(), a) != null) {
                throw invalid("item " + a.code() + " is answered twice");
            }
        }
        for (ChecklistItem item : items) {
            if (!byCode.containsKey(item.code())) {
                throw invalid("item " + item.code() + " is not answered");
            }
        }
        if (conclusion == DiligenceConclusion.PASS
                && answers.stream().anyMatch(a -> a.result() == ItemResult.DISCREPANCY)) {
            throw invalid("a due diligence with a discrepancy cannot PASS (conclude FAIL or NEEDS_MORE)");
        }
        return items.stream().map(i -> {
            ChecklistAnswer a = byCode.get(i.code());
            return new ChecklistAnswer(i.code(), i.label(), a.result(), a.note());
        }).toList();
    }

    private static String label(RuleDefinition d) {
        return "核实 Verify " + d.name() + " (" + d.voucherCode() + ")";
    }

    private static BizException invalid(String message) {
        return new BizException(CommonErrorCode.PARAM_INVALID, message);
    }
}
