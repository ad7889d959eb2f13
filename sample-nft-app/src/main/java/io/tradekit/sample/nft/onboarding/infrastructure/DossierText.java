package io.tradekit.sample.nft.onboarding.infrastructure;

import io.tradekit.core.log.Masking;
import io.tradekit.core.log.SensitiveType;
import io.tradekit.sample.nft.onboarding.domain.Dossier;
import io.tradekit.sample.nft.onboarding.domain.OnboardingApplication;
import io.tradekit.sample.nft.onboarding.domain.RelatedPerson;
import io.tradekit.sample.nft.onboarding.domain.Transition;
import io.tradekit.sample.nft.onboarding.domain.diligence.ChecklistAnswer;
import io.tradekit.sample.nft.onboarding.domain.diligence.DueDiligence;
import io.tradekit.sample.nft.onboarding.domain.registry.RegistryCheck;
import io.tradekit.sample.nft.onboarding.domain.rule.CheckResult;
import io.tradekit.sample.nft.onboarding.domain.rule.ReviewReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of a dossier, line by line ({@code "## "} starts a heading), for {@link PdfBoxDossierRenderer}:
 * company, persons (ID numbers masked here, whatever the caller passes), pre-review, due diligence,
 * transitions and the printing officer.
 */
final class DossierText {

    private DossierText() {
    }

    static List<String> lines(Dossier d) {
        OnboardingApplication a = d.application();
        List<String> lines = new ArrayList<>();
        lines.add("## 对公开户档案 Corporate account dossier");
        lines.add("预约编号 Appointment no: " + a.appointmentNo());
        lines.add("统一社会信用代码 Credit code: " + a.creditCode());
        lines.add("企业名称 Company: " + a.companyName());
        lines.add("网点 Branch: " + a.branchCode() + "    业务类型 Business type: " + a.businessType());
        lines.add("状态 Status: " + a.status() + "    规则版本 Rule version: " + a.ruleVersion());
        lines.add("");
        lines.add("## 关联人 Related persons");
        for (RelatedPerson p : a.persons()) {
            lines.add(p.role() + "  " + p.name() + "  " + p.nationality() + "  " + p.idType() + " "
                    + Masking.mask(p.idNumber(), SensitiveType.ID_CARD) + "  born " + p.birthDate()
                    + "  ID valid to " + (p.idExpiry() == null ? "长期 long-term" : p.idExpiry()));
        }
        lines.add("");
        lines.add("## 预审结果 Pre-review");
        ReviewReport review = d.review();
        if (review == null) {
            lines.add("no pre-review recorded");
        } else {
            RegistryCheck registry = review.registry();
            lines.add("规则版本 Rule version " + review.ruleVersion() + ", reviewed " + review.reviewedAt()
                    + ", overall " + review.overall());
            lines.add("工商 Registry (" + registry.provider() + "): "
                    + (registry.available() ? registry.status() : "UNAVAILABLE") + " - " + registry.detail());
            for (CheckResult r : review.results()) {
                lines.add("[" + r.outcome() + "] " + r.elementName() + " / " + r.subject() + ": " + r.message());
            }
            lines.add("");
            lines.add("## 异常情况 Exceptions");
            if (review.exceptions().isEmpty()) {
                lines.add("none");
            }
            lines.addAll(review.exceptions());
        }
        lines.add("");
        dueDiligence(d.dueDiligence(), lines);
        lines.add("");
        lines.add("## 流转记录 Transitions");
        for (Transition t : d.transitions()) {
            lines.add(t.at() + "  " + t.from() + " -> " + t.to() + "  " + t.action() + "  by " + t.actor()
                    + (t.comment() == null ? "" : "  \"" + t.comment() + "\""));
        }
        lines.add("");
        lines.add("经办 Officer: " + d.officerName() + " (" + d.officerBranch() + ")    打印时间 Printed at: "
                + d.printedAt());
        return lines;
    }

    /** The officer's due diligence: conclusion, who and when, every checklist answer, the findings. */
    private static void dueDiligence(DueDiligence dd, List<String> lines) {
        lines.add("## 尽职调查 Due diligence");
        if (dd == null) {
            lines.add("no due diligence recorded");
            return;
        }
        lines.add("结论 Conclusion: " + dd.conclusion() + "    经办 By: " + dd.officer() + "    时间 At: "
                + dd.recordedAt() + "    规则版本 Rule version " + dd.ruleVersion());
        for (ChecklistAnswer a : dd.checklist()) {
            lines.add("[" + a.result() + "] " + a.label() + (a.note() == null ? "" : ": " + oneLine(a.note())));
        }
        lines.add("发现 Findings:");
        // One printed line per written line (indented: officer text never becomes a "## " heading).
        for (String line : dd.findings().split("\\R")) {
            lines.add("  " + line);
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\R", " ");
    }

}
