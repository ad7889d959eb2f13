package io.tradekit.sample.nft.onboarding.controller;

import static io.tradekit.sample.nft.onboarding.OnboardingHttp.assertFailure;
import static io.tradekit.sample.nft.onboarding.OnboardingHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.onboarding.OnboardingHttp;
import io.tradekit.sample.nft.onboarding.OnboardingTestData;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Due diligence (尽职调查) over real HTTP: the checklist comes from the rule set the application was
 * pre-reviewed under, the officer's record (answers, findings, conclusion, who, when) is stored, read
 * back, gates COMPLETE_DUE_DILIGENCE and is printed in the dossier; bad and hostile records are refused
 * or kept as inert text.
 */
@SampleAppTest
class DueDiligenceHttpTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    OnboardingHttp http;
    String a1;

    @BeforeEach
    void login() {
        http = new OnboardingHttp(rest);
        a1 = http.token("officer.a1");
    }

    private long inDueDiligence(String company) {
        long id = http.submit(a1, OnboardingTestData.request(company));
        http.act(a1, id, "PRE_REVIEW");
        assertThat(http.act(a1, id, "APPROVE").get("status").asText()).isEqualTo("DUE_DILIGENCE");
        return id;
    }

    @Test
    void theChecklistIsDerivedFromThePinnedRuleSetWithThePreReviewOutcomes() {
        long id = inDueDiligence("尽调" + OnboardingTestData.unique() + "有限公司");
        JsonNode view = json(http.get("/onboarding/applications/" + id + "/due-diligence", a1)).get("data");
        int version = view.get("ruleVersion").asInt();
        JsonNode rules = json(http.get("/parameter/business-types/CORP_ACCOUNT_OPEN/rule-set?version=" + version,
                http.token("admin"))).at("/data/elements");

        List<String> elementCodes = new ArrayList<>();
        rules.forEach(e -> elementCodes.add(e.get("code").asText()));
        List<String> itemCodes = new ArrayList<>();
        view.get("checklist").forEach(i -> itemCodes.add(i.get("code").asText()));
        assertThat(itemCodes).isNotEmpty().containsExactlyElementsOf(elementCodes);
        assertThat(view.get("checklist")).allSatisfy(i -> {
            assertThat(i.get("voucher").asText()).isNotBlank();
            assertThat(i.get("label").asText()).startsWith("核实 Verify ");
            assertThat(i.get("preReview").asText()).isEqualTo("PASS");
        });
        assertThat(view.get("latest").isNull()).isTrue();
    }

    @Test
    void aRecordIsStoredReadBackGatesCompletionAndIsPrinted() throws IOException {
        String company = "尽调" + OnboardingTestData.unique() + "有限公司";
        long id = inDueDiligence(company);
        assertFailure(http.post("/onboarding/applications/" + id + "/actions/COMPLETE_DUE_DILIGENCE", null, a1),
                HttpStatus.UNPROCESSABLE_ENTITY, "DUE_DILIGENCE_INCOMPLETE");

        ResponseEntity<String> needsMore = http.recordDueDiligence(a1, id, "CONFIRMED", "缺少受益所有人声明原件", "NEEDS_MORE");
        assertThat(needsMore.getStatusCode()).as(needsMore.getBody()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> blocked = http.post("/onboarding/applications/" + id
                + "/actions/COMPLETE_DUE_DILIGENCE", null, a1);
        assertFailure(blocked, HttpStatus.UNPROCESSABLE_ENTITY, "DUE_DILIGENCE_INCOMPLETE");
        assertThat(json(blocked).get("message").asText()).contains("NEEDS_MORE");

        Instant before = Instant.now().minusSeconds(1);
        String findings = "第一行：实地走访经营场所。\n第二行：原件与复印件一致。";
        ResponseEntity<String> passed = http.recordDueDiligence(a1, id, "CONFIRMED", findings, "PASS");
        assertThat(passed.getStatusCode()).as(passed.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode latest = json(passed).at("/data/latest");
        assertThat(latest.get("conclusion").asText()).isEqualTo("PASS");
        assertThat(latest.get("officer").asText()).isEqualTo("staff:1(officer.a1)");
        assertThat(Instant.parse(latest.get("recordedAt").asText())).isAfter(before);
        assertThat(latest.get("findings").asText()).isEqualTo(findings);

        // Read back from the database through both screens.
        JsonNode again = json(http.get("/onboarding/applications/" + id + "/due-diligence", a1)).at("/data/latest");
        assertThat(again).isEqualTo(latest);
        JsonNode detail = json(http.get("/onboarding/applications/" + id, a1)).get("data");
        assertThat(detail.get("dueDiligence")).isEqualTo(latest);
        assertThat(latest.get("checklist")).allSatisfy(a -> {
            assertThat(a.get("result").asText()).isEqualTo("CONFIRMED");
            assertThat(a.get("note").asText()).startsWith("已核对 ");
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM onb_due_diligence WHERE application_id = ?",
                Integer.class, id)).isEqualTo(2);

        assertThat(http.act(a1, id, "COMPLETE_DUE_DILIGENCE").get("status").asText()).isEqualTo("READY_TO_PRINT");
        ResponseEntity<byte[]> printed = http.bytes(HttpMethod.POST, "/onboarding/applications/" + id + "/print", a1);
        assertThat(printed.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (PDDocument document = Loader.loadPDF(printed.getBody())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("尽职调查 Due diligence").contains("Conclusion: PASS")
                    .contains("staff:1(officer.a1)").contains(latest.get("recordedAt").asText())
                    .contains("第一行：实地走访经营场所。").contains("第二行：原件与复印件一致。")
                    .contains("[CONFIRMED] 核实 Verify").contains("已核对 CREDIT_CODE_CHECK");
            assertThat(text).doesNotContain("缺少受益所有人声明原件");
        }
    }

    @Test
    void aRecordOfAnEarlierRoundDoesNotCount() {
        long id = inDueDiligence("尽调" + OnboardingTestData.unique() + "有限公司");
        http.passDueDiligence(a1, id);
        http.act(a1, id, "RETURN_FOR_CORRECTION");
        http.act(a1, id, "RESUBMIT");
        http.act(a1, id, "PRE_REVIEW");
        http.act(a1, id, "APPROVE");
        assertFailure(http.post("/onboarding/applications/" + id + "/actions/COMPLETE_DUE_DILIGENCE", null, a1),
                HttpStatus.UNPROCESSABLE_ENTITY, "DUE_DILIGENCE_INCOMPLETE");
        http.passDueDiligence(a1, id);
        assertThat(http.act(a1, id, "COMPLETE_DUE_DILIGENCE").get("status").asText()).isEqualTo("READY_TO_PRINT");
    }

    @Test
    void badAndHostileRecordsAreRefusedAndNothingIsStored() {
        long id = inDueDiligence("尽调" + OnboardingTestData.unique() + "有限公司");
        String path = "/onboarding/applications/" + id + "/due-diligence";
        List<String> codes = new ArrayList<>();
        json(http.get(path, a1)).at("/data/checklist").forEach(i -> codes.add(i.get("code").asText()));

        assertFailure(http.post(path, null, a1), HttpStatus.BAD_REQUEST, "PARAM_INVALID");
        assertFailure(http.post(path, "{\"items\":", a1), HttpStatus.BAD_REQUEST, "PARAM_INVALID");
        assertFailure(http.post(path, Map.of(), a1), HttpStatus.BAD_REQUEST, "PARAM_INVALID");
        assertFailure(http.post(path, body(codes, "CONFIRMED", "", "PASS"), a1), HttpStatus.BAD_REQUEST,
                "PARAM_INVALID");
        assertFailure(http.post(path, body(List.of(), "CONFIRMED", "ok", "PASS"), a1), HttpStatus.BAD_REQUEST,
                "PARAM_INVALID");
        assertFailure(http.post(path, body(codes, "CONFIRMED", "x".repeat(2001), "PASS"), a1),
                HttpStatus.BAD_REQUEST, "PARAM_INVALID");
        assertFailure(http.post(path, body(codes, "CONFIRMED", "ok", "MAYBE"), a1), HttpStatus.BAD_REQUEST,
                "PARAM_INVALID");
        assertFailure(http.post(path, body(codes, "PROBABLY", "ok", "PASS"), a1), HttpStatus.BAD_REQUEST,
                "PARAM_INVALID");
        assertFailure(http.post(path, body(codes, "CONFIRMED", "null byte \u0000 here", "PASS"), a1),
                HttpStatus.BAD_REQUEST, "PARAM_INVALID");
        assertFailure(http.post(path, body(codes, "CONFIRMED", "escape \u001b[31m red", "PASS"), a1),
                HttpStatus.BAD_REQUEST, "PARAM_INVALID");
        assertFailure(http.post(path, body(codes, "CONFIRMED", "通过 \u202e过通不", "PASS"), a1),
                HttpStatus.BAD_REQUEST, "PARAM_INVALID");
        // The checklist must be answered exactly: nothing missing, nothing twice, nothing unknown.
        assertFailure(http.post(path, body(codes.subList(1, codes.size()), "CONFIRMED", "ok", "PASS"), a1),
                HttpStatus.BAD_REQUEST, "PARAM_INVALID");
        List<String> twice = new ArrayList<>(codes);
        twice.add(codes.get(0));
        assertFailure(http.post(path, body(twice, "CONFIRMED", "ok", "PASS"), a1), HttpStatus.BAD_REQUEST,
                "PARAM_INVALID");
        List<String> unknown = new ArrayList<>(codes);
        unknown.set(0, "NOT_AN_ELEMENT");
        assertFailure(http.post(path, body(unknown, "CONFIRMED", "ok", "PASS"), a1), HttpStatus.BAD_REQUEST,
                "PARAM_INVALID");
        List<String> injected = new ArrayList<>(codes);
        injected.set(0, "X' OR '1'='1");
        assertFailure(http.post(path, body(injected, "CONFIRMED", "ok", "PASS"), a1), HttpStatus.BAD_REQUEST,
                "PARAM_INVALID");
        Map<String, Object> longNote = body(codes, "CONFIRMED", "ok", "PASS");
        ((List<Map<String, String>>) longNote.get("items")).get(0).put("note", "n".repeat(501));
        assertFailure(http.post(path, longNote, a1), HttpStatus.BAD_REQUEST, "PARAM_INVALID");
        assertFailure(http.post(path, body(codes, "DISCREPANCY", "营业执照地址不符", "PASS"), a1),
                HttpStatus.BAD_REQUEST, "PARAM_INVALID");
        // Only the application's own branch, and only in due diligence.
        assertFailure(http.post(path, body(codes, "CONFIRMED", "ok", "PASS"), http.token("officer.b1")),
                HttpStatus.FORBIDDEN, "FORBIDDEN");
        assertFailure(http.post(path, body(codes, "CONFIRMED", "ok", "PASS"), null), HttpStatus.UNAUTHORIZED,
                "UNAUTHORIZED");
        assertFailure(http.get(path, http.token("officer.b1")), HttpStatus.FORBIDDEN, "FORBIDDEN");
        assertFailure(http.get("/onboarding/applications/999999999/due-diligence", a1), HttpStatus.NOT_FOUND,
                "NOT_FOUND");
        long submitted = http.submit(a1, OnboardingTestData.request("尽调" + OnboardingTestData.unique()));
        assertFailure(http.post("/onboarding/applications/" + submitted + "/due-diligence",
                body(codes, "CONFIRMED", "ok", "PASS"), a1), HttpStatus.UNPROCESSABLE_ENTITY, "ILLEGAL_TRANSITION");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM onb_due_diligence WHERE application_id IN (?, ?)",
                Integer.class, id, submitted)).isZero();

        // Hostile but printable text is data: stored and shown verbatim, never interpreted.
        String hostile = "<script>alert(1)</script> ') ; DROP TABLE onb_due_diligence; -- ${jndi:ldap://x} )Tj ET 😀";
        ResponseEntity<String> kept = http.post(path, body(codes, "DISCREPANCY", hostile, "FAIL"), a1);
        assertThat(kept.getStatusCode()).as(kept.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json(kept).at("/data/latest/findings").asText()).isEqualTo(hostile);
        assertThat(json(http.get(path, a1)).at("/data/latest/findings").asText()).isEqualTo(hostile);
        assertFailure(http.post("/onboarding/applications/" + id + "/actions/COMPLETE_DUE_DILIGENCE", null, a1),
                HttpStatus.UNPROCESSABLE_ENTITY, "DUE_DILIGENCE_INCOMPLETE");
        assertThat(http.act(a1, id, "REJECT").get("status").asText()).isEqualTo("REJECTED");
    }

    private static Map<String, Object> body(List<String> codes, String result, String findings, String conclusion) {
        List<Map<String, String>> items = new ArrayList<>();
        for (String code : codes) {
            Map<String, String> item = new HashMap<>();
            item.put("code", code);
            item.put("result", result);
            item.put("note", "note " + code);
            items.add(item);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("items", items);
        body.put("findings", findings);
        body.put("conclusion", conclusion);
        return body;
    }
}
