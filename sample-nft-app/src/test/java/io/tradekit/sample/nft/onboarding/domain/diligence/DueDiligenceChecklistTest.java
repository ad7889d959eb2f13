package io.tradekit.sample.nft.onboarding.domain.diligence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradekit.core.error.BizException;
import io.tradekit.sample.nft.onboarding.domain.registry.RegistryCheck;
import io.tradekit.sample.nft.onboarding.domain.registry.RegistryStatus;
import io.tradekit.sample.nft.onboarding.domain.rule.CheckOutcome;
import io.tradekit.sample.nft.onboarding.domain.rule.CheckResult;
import io.tradekit.sample.nft.onboarding.domain.rule.ReviewReport;
import io.tradekit.sample.nft.onboarding.domain.rule.RuleDefinition;
import io.tradekit.sample.nft.onboarding.domain.rule.RuleSet;
import io.tradekit.sample.nft.onboarding.domain.rule.RuleType;
import io.tradekit.sample.nft.onboarding.domain.rule.SourceType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checklist follows the rule set element by element, and only a complete, consistent answer passes. */
class DueDiligenceChecklistTest {

    private static final RuleSet RULES = new RuleSet("CORP_ACCOUNT_OPEN", 3, List.of(
            new RuleDefinition("BUSINESS_LICENSE", "CREDIT_CODE_CHECK", "统一社会信用代码校验", SourceType.APPLICATION,
                    "creditCode", RuleType.CHECKSUM, Map.of("type", "GB32100"), "校验位错误"),
            new RuleDefinition("PERSON_ID", "ID_EXPIRY", "证件有效期", SourceType.PERSON, "ANY.idExpiry",
                    RuleType.DATE_NOT_BEFORE, Map.of("warnDays", "30"), "证件过期"),
            new RuleDefinition("PERSON_ID", "OWNER_AGE", "受益人年龄", SourceType.PERSON, "BENEFICIAL_OWNER.age",
                    RuleType.RANGE, Map.of("min", "18"), "未满 18 周岁")));

    private static final ReviewReport REVIEW = new ReviewReport("CORP_ACCOUNT_OPEN", 3, LocalDate.of(2026, 1, 1),
            Instant.EPOCH, RegistryCheck.answered("sim", RegistryStatus.ACTIVE, "x"), List.of(
            new CheckResult("CREDIT_CODE_CHECK", "统一社会信用代码校验", "COMPANY", CheckOutcome.PASS, "ok", false),
            new CheckResult("ID_EXPIRY", "证件有效期", "LEGAL_REPRESENTATIVE 张*", CheckOutcome.PASS, "ok", false),
            new CheckResult("ID_EXPIRY", "证件有效期", "BENEFICIAL_OWNER 李*", CheckOutcome.WARN, "soon", false)));

    private final DueDiligenceChecklist checklist = DueDiligenceChecklist.of(RULES, REVIEW);

    @Test
    void oneItemPerElementInRuleOrderWithTheWorstPreReviewOutcome() {
        assertThat(checklist.items()).extracting(ChecklistItem::code)
                .containsExactly("CREDIT_CODE_CHECK", "ID_EXPIRY", "OWNER_AGE");
        assertThat(checklist.items()).extracting(ChecklistItem::preReview)
                .containsExactly(CheckOutcome.PASS, CheckOutcome.WARN, null);
        assertThat(checklist.items().get(1).voucher()).isEqualTo("PERSON_ID");
        assertThat(checklist.items().get(1).label()).isEqualTo("核实 Verify 证件有效期 (PERSON_ID)");
        assertThat(DueDiligenceChecklist.of(RULES, null).items()).allSatisfy(i -> assertThat(i.preReview()).isNull());
    }

    @Test
    void aCompleteAnswerIsReturnedInChecklistOrderWithTheItemsLabels() {
        List<ChecklistAnswer> answered = checklist.answer(List.of(
                answer("OWNER_AGE", ItemResult.NOT_APPLICABLE), answer("ID_EXPIRY", ItemResult.CONFIRMED),
                answer("CREDIT_CODE_CHECK", ItemResult.CONFIRMED)), DiligenceConclusion.PASS);
        assertThat(answered).extracting(ChecklistAnswer::code)
                .containsExactly("CREDIT_CODE_CHECK", "ID_EXPIRY", "OWNER_AGE");
        assertThat(answered.get(2).label()).isEqualTo("核实 Verify 受益人年龄 (PERSON_ID)");
        assertThat(answered.get(2).result()).isEqualTo(ItemResult.NOT_APPLICABLE);
        assertThat(answered.get(2).note()).isEqualTo("note OWNER_AGE");
    }

    @Test
    void incompleteRepeatedUnknownOrContradictoryAnswersAreRefused() {
        assertRefused(List.of(answer("CREDIT_CODE_CHECK", ItemResult.CONFIRMED),
                answer("ID_EXPIRY", ItemResult.CONFIRMED)), DiligenceConclusion.PASS, "OWNER_AGE is not answered");
        assertRefused(List.of(answer("CREDIT_CODE_CHECK", ItemResult.CONFIRMED),
                answer("CREDIT_CODE_CHECK", ItemResult.CONFIRMED), answer("ID_EXPIRY", ItemResult.CONFIRMED),
                answer("OWNER_AGE", ItemResult.CONFIRMED)), DiligenceConclusion.PASS, "answered twice");
        assertRefused(List.of(answer("CREDIT_CODE_CHECK", ItemResult.CONFIRMED),
                answer("ID_EXPIRY", ItemResult.CONFIRMED), answer("OWNER_AGE", ItemResult.CONFIRMED),
                answer("SOMETHING_ELSE", ItemResult.CONFIRMED)), DiligenceConclusion.PASS, "not on the checklist");
        List<ChecklistAnswer> discrepancy = List.of(answer("CREDIT_CODE_CHECK", ItemResult.DISCREPANCY),
                answer("ID_EXPIRY", ItemResult.CONFIRMED), answer("OWNER_AGE", ItemResult.CONFIRMED));
        assertRefused(discrepancy, DiligenceConclusion.PASS, "cannot PASS");
        assertThat(checklist.answer(discrepancy, DiligenceConclusion.FAIL)).hasSize(3);
        assertThat(checklist.answer(discrepancy, DiligenceConclusion.NEEDS_MORE)).hasSize(3);
    }

    private void assertRefused(List<ChecklistAnswer> answers, DiligenceConclusion conclusion, String why) {
        assertThatThrownBy(() -> checklist.answer(answers, conclusion)).isInstanceOf(BizException.class)
                .hasMessageContaining(why)
                .satisfies(e -> assertThat(((BizException) e).getErrorCode().getCode()).isEqualTo("PARAM_INVALID"));
    }

    private static ChecklistAnswer answer(String code, ItemResult result) {
        return new ChecklistAnswer(code, null, result, "note " + code);
    }
}
