package io.tradekit.sample.nft.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.onboarding.OnboardingTestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A branch officer in a real browser: logs in, submits an application (enterprise, legal representative,
 * beneficial owner), pre-reviews it and sees every rule's outcome, approves, records due diligence,
 * completes it and prints the PDF dossier, which the browser downloads. The database follows each step.
 */
@SampleAppTest
@Tag("browser")
@Timeout(300)
class OfficerBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void submitsPreReviewsRecordsDueDiligenceAndDownloadsTheDossier() throws Exception {
        String company = "北京星河科技有限公司 " + System.nanoTime();
        LocalDate today = LocalDate.now();
        LocalDate repBirth = today.minusYears(40);
        LocalDate ownerBirth = today.minusYears(35);

        try (Browser browser = new Browser(port)) {
            browser.open("/web/officer/login");
            browser.check("officer-login");
            browser.type("#loginName", "officer.a1");
            browser.type("#password", "Demo-Pass-2026");
            browser.click("#officer-login-form button[type=submit]");
            browser.until(d -> d.getCurrentUrl().endsWith("/web/officer"));

            browser.open("/web/officer/new");
            browser.type("#creditCode", OnboardingTestData.creditCode());
            browser.type("#companyName", company);
            browser.type("#lr-name", "张三");
            browser.type("#lr-idNumber", OnboardingTestData.idNumber(repBirth));
            browser.setValue("#lr-birthDate", repBirth.toString());
            browser.setValue("#lr-idExpiry", today.plusYears(5).toString());
            browser.type("#bo-name", "李四");
            browser.type("#bo-idNumber", OnboardingTestData.idNumber(ownerBirth));
            browser.setValue("#bo-birthDate", ownerBirth.toString());
            browser.check("officer-new");
            browser.click("#submit-form button[type=submit]");
            browser.until(d -> d.getCurrentUrl().contains("/web/officer/applications/"));
            long id = jdbc.queryForObject("SELECT id FROM onb_application WHERE company_name = ?", Long.class, company);
            assertThat(browser.driver().getCurrentUrl()).endsWith("/web/officer/applications/" + id);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM onb_related_person WHERE application_id = ?",
                    Integer.class, id)).isEqualTo(2);

            browser.click("button[data-action='PRE_REVIEW']");
            browser.awaitStatus("已完成");
            browser.find("#review-results tr.rule-result");
            assertThat(browser.find("#review-overall").getText()).contains("通过 Pass");
            int shown = browser.driver().findElements(org.openqa.selenium.By.cssSelector("#review-results tr.rule-result")).size();
            assertThat(shown).isEqualTo(browser.until(d -> ruleCount(browser, id)));
            assertThat(status(id)).isEqualTo("PRE_REVIEW");
            browser.check("officer-pre-review");

            browser.click("button[data-action='APPROVE']");
            browser.until(d -> "DUE_DILIGENCE".equals(d.findElement(org.openqa.selenium.By.id("application"))
                    .getAttribute("data-status")));
            browser.find("#checklist tr.check-item");
            browser.type("#findings", "实地走访经营场所；证件原件与复印件一致。");
            browser.click("#dd-form button[type=submit]");
            browser.awaitStatus("尽调已记录");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM onb_due_diligence WHERE application_id = ?",
                    Integer.class, id)).isEqualTo(1);
            browser.check("officer-due-diligence");
            browser.click("button[data-action='COMPLETE_DUE_DILIGENCE']");
            browser.until(d -> "READY_TO_PRINT".equals(d.findElement(org.openqa.selenium.By.id("application"))
                    .getAttribute("data-status")));

            Path pdf = Browser.DOWNLOADS.resolve("dossier-" + id + ".pdf");
            Files.deleteIfExists(pdf);
            browser.click("#print");
            browser.awaitStatus("开户资料已生成");
            browser.until(d -> Files.isRegularFile(pdf) && size(pdf) > 1000);
            byte[] head = Files.readAllBytes(pdf);
            assertThat(new String(head, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            browser.until(d -> "ARCHIVED".equals(d.findElement(org.openqa.selenium.By.id("application"))
                    .getAttribute("data-status")));
            assertThat(status(id)).isEqualTo("ARCHIVED");

            browser.open("/web/officer");
            browser.find("#pending");
            browser.check("officer-pending");
        }
    }

    private String status(long id) {
        return jdbc.queryForObject("SELECT status FROM onb_application WHERE id = ?", String.class, id);
    }

    /** How many rule results the API reports for the application's review (server and third party). */
    @SuppressWarnings("unchecked")
    private static Integer ruleCount(Browser browser, long id) {
        Object count = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                Tk.api('GET', '/onboarding/applications/' + arguments[0]).then(a => {
                    const r = a.body.data.review;
                    done(r ? r.serverResults.length + r.thirdPartyResults.length : null);
                });
                """, id);
        return count == null ? null : ((Number) count).intValue();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
