package io.tradekit.sample.nft.onboarding.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.sample.nft.onboarding.OnboardingTestData;
import io.tradekit.sample.nft.onboarding.domain.ApplicationStatus;
import io.tradekit.sample.nft.onboarding.domain.Dossier;
import io.tradekit.sample.nft.onboarding.domain.IdType;
import io.tradekit.sample.nft.onboarding.domain.OnboardingApplication;
import io.tradekit.sample.nft.onboarding.domain.PersonRole;
import io.tradekit.sample.nft.onboarding.domain.RelatedPerson;
import io.tradekit.sample.nft.onboarding.domain.Transition;
import io.tradekit.sample.nft.onboarding.domain.TransitionAction;
import io.tradekit.sample.nft.onboarding.domain.diligence.ChecklistAnswer;
import io.tradekit.sample.nft.onboarding.domain.diligence.DiligenceConclusion;
import io.tradekit.sample.nft.onboarding.domain.diligence.DueDiligence;
import io.tradekit.sample.nft.onboarding.domain.diligence.ItemResult;
import io.tradekit.sample.nft.onboarding.domain.registry.RegistryCheck;
import io.tradekit.sample.nft.onboarding.domain.registry.RegistryStatus;
import io.tradekit.sample.nft.onboarding.domain.rule.CheckOutcome;
import io.tradekit.sample.nft.onboarding.domain.rule.CheckResult;
import io.tradekit.sample.nft.onboarding.domain.rule.ReviewReport;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The dossier read back from the PDF: Chinese text embedded, ID numbers only masked. */
class PdfBoxDossierRendererTest {

    private final PdfBoxDossierRenderer renderer = new PdfBoxDossierRenderer();

    private static Dossier dossier(String companyName, String comment, int persons) {
        List<RelatedPerson> people = new ArrayList<>();
        for (int i = 0; i < persons; i++) {
            LocalDate birth = LocalDate.of(1980, 1, 1).plusDays(i);
            people.add(new RelatedPerson(i == 0 ? PersonRole.LEGAL_REPRESENTATIVE : PersonRole.BENEFICIAL_OWNER,
                    "赵六", "CHN", IdType.MAINLAND_ID, OnboardingTestData.idNumber(birth), birth, null));
        }
        OnboardingApplication app = new OnboardingApplication(5L, "OB2026", OnboardingTestData.creditCode(),
                companyName, "BR001", "CORP_ACCOUNT_OPEN", "BRANCH", ApplicationStatus.ARCHIVED, 1, false,
                Instant.EPOCH, people);
        ReviewReport review = new ReviewReport("CORP_ACCOUNT_OPEN", 1, LocalDate.of(2026, 1, 1), Instant.EPOCH,
                RegistryCheck.answered("sim", RegistryStatus.ACTIVE, companyName),
                List.of(new CheckResult("ID_EXPIRY", "证件有效期", "LEGAL_REPRESENTATIVE 赵*", CheckOutcome.WARN,
                        "证件即将到期", false)));
        List<Transition> transitions = List.of(new Transition(5L, TransitionAction.PRINT,
                ApplicationStatus.READY_TO_PRINT, ApplicationStatus.ARCHIVED, "staff:1(officer.a1)", comment,
                Instant.EPOCH));
        DueDiligence dueDiligence = new DueDiligence(5L, 1, List.of(
                new ChecklistAnswer("ID_EXPIRY", "核实 Verify 证件有效期 (PERSON_ID)", ItemResult.CONFIRMED, comment)),
                "实地走访\n" + comment, DiligenceConclusion.PASS, "staff:1(officer.a1)", Instant.EPOCH);
        return new Dossier(app, review, dueDiligence, transitions, "网点A 柜员一", "BR001", Instant.EPOCH);
    }

    @Test
    void containsTheCompanyAndMaskedNeverRawIdNumbers() throws IOException {
        Dossier d = dossier("北京某某科技有限公司", "已核对原件", 2);
        byte[] pdf = renderer.render(d);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("北京某某科技有限公司").contains("证件有效期").contains("网点A 柜员一")
                    .contains(d.application().creditCode()).contains("已核对原件");
            // Latin ligature candidates (ff, ffi) read back letter for letter.
            assertThat(text).contains("经办 Officer:").contains("by staff:1(officer.a1)");
            assertThat(text).contains("尽职调查 Due diligence").contains("结论 Conclusion: PASS")
                    .contains("[CONFIRMED] 核实 Verify 证件有效期 (PERSON_ID): 已核对原件")
                    .contains("发现 Findings:").contains("实地走访");
            for (RelatedPerson p : d.application().persons()) {
                String raw = p.idNumber();
                assertThat(text).doesNotContain(raw).doesNotContain(raw.substring(3, 14))
                        .contains(raw.substring(0, 3) + "***********" + raw.substring(14));
            }
            PDFont font = document.getPage(0).getResources().getFont(
                    document.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getName()).contains("NotoSansSC");
        }
    }

    @Test
    void breaksLongDossiersOntoMorePagesAndSurvivesHostileText() throws IOException {
        String hostile = "😀\u0000\n\t<script>" + "长".repeat(400) + ")Tj ET";
        byte[] pdf = renderer.render(dossier("公司" + hostile, hostile, 60));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("<script>").contains(")Tj ET");
        }
    }
}
