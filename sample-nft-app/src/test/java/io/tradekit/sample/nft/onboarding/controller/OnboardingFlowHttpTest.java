package io.tradekit.sample.nft.onboarding.controller;

import static io.tradekit.sample.nft.onboarding.OnboardingHttp.assertFailure;
import static io.tradekit.sample.nft.onboarding.OnboardingHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.onboarding.OnboardingHttp;
import io.tradekit.sample.nft.onboarding.OnboardingTestData;
import io.tradekit.sample.nft.onboarding.api.RelatedPersonDTO;
import io.tradekit.sample.nft.onboarding.api.SubmitApplicationRequest;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The whole flow over real HTTP for an officer of branch A, and what branch B and strangers get. */
@SampleAppTest
class OnboardingFlowHttpTest {

    @Autowired
    TestRestTemplate rest;

    OnboardingHttp http;
    String a1;
    String b1;

    @BeforeEach
    void login() {
        http = new OnboardingHttp(rest);
        a1 = http.token("officer.a1");
        b1 = http.token("officer.b1");
    }

    @Test
    void anOfficerOfBranchATakesAnApplicationFromSubmissionToThePrintedDossier() throws IOException {
        String company = "北京" + OnboardingTestData.unique() + "科技有限公司";
        SubmitApplicationRequest request = OnboardingTestData.request(company);
        long id = http.submit(a1, request);

        JsonNode detail = json(http.get("/onboarding/applications/" + id, a1)).get("data");
        assertThat(detail.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(detail.get("branchCode").asText()).isEqualTo("BR001");
        String rawId = request.persons().get(0).idNumber();
        assertThat(detail.toString()).doesNotContain(rawId)
                .contains(rawId.substring(0, 3) + "***********" + rawId.substring(14));

        JsonNode reviewed = http.act(a1, id, "PRE_REVIEW");
        assertThat(reviewed.get("status").asText()).isEqualTo("PRE_REVIEW");
        assertThat(reviewed.get("ruleVersion").asInt()).isPositive();
        JsonNode review = reviewed.get("review");
        assertThat(review.get("overall").asText()).isEqualTo("PASS");
        assertThat(review.at("/registry/status").asText()).isEqualTo("ACTIVE");
        assertThat(review.get("serverResults").size()).isGreaterThanOrEqualTo(7);
        assertThat(review.get("thirdPartyResults")).singleElement()
                .satisfies(r -> assertThat(r.get("elementCode").asText()).isEqualTo("OPERATING_STATUS"));
        assertThat(review.get("exceptions")).isEmpty();

        assertThat(http.act(a1, id, "APPROVE").get("status").asText()).isEqualTo("DUE_DILIGENCE");
        http.passDueDiligence(a1, id);
        assertThat(http.act(a1, id, "COMPLETE_DUE_DILIGENCE").get("status").asText()).isEqualTo("READY_TO_PRINT");

        ResponseEntity<byte[]> printed = http.bytes(HttpMethod.POST, "/onboarding/applications/" + id + "/print", a1);
        assertThat(printed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(printed.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertPdf(printed.getBody(), company, request.persons());

        JsonNode archived = json(http.get("/onboarding/applications/" + id, a1)).get("data");
        assertThat(archived.get("status").asText()).isEqualTo("ARCHIVED");
        List<String> steps = new ArrayList<>();
        archived.get("transitions").forEach(t -> steps.add(t.get("from").asText() + ">" + t.get("to").asText()
                + " " + t.get("actor").asText()));
        assertThat(steps).containsExactly("SUBMITTED>PRE_REVIEW staff:1(officer.a1)",
                "PRE_REVIEW>DUE_DILIGENCE staff:1(officer.a1)", "DUE_DILIGENCE>READY_TO_PRINT staff:1(officer.a1)",
                "READY_TO_PRINT>ARCHIVED staff:1(officer.a1)");
        assertThat(archived.at("/transitions/0/comment").asText()).isEqualTo("by test");

        ResponseEntity<byte[]> again = http.bytes(HttpMethod.GET, "/onboarding/applications/" + id + "/dossier", a1);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertPdf(again.getBody(), company, request.persons());
    }

    @Test
    void anOfficerOfBranchBCannotSeeOrActOnBranchAsApplication() {
        String marker = OnboardingTestData.unique();
        long id = http.submit(a1, OnboardingTestData.request("公司" + marker));

        assertFailure(http.get("/onboarding/applications/" + id, b1), HttpStatus.FORBIDDEN, "FORBIDDEN");
        for (String action : List.of("PRE_REVIEW", "APPROVE", "REJECT")) {
            assertFailure(http.post("/onboarding/applications/" + id + "/actions/" + action, null, b1),
                    HttpStatus.FORBIDDEN, "FORBIDDEN");
        }
        assertThat(http.bytes(HttpMethod.POST, "/onboarding/applications/" + id + "/print", b1).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(json(http.get("/onboarding/pending?keyword=" + marker, b1)).get("total").asLong()).isZero();
        assertThat(json(http.get("/onboarding/pending?keyword=" + marker, a1)).get("total").asLong()).isOne();
        // Nothing B tried left a trace.
        assertThat(json(http.get("/onboarding/applications/" + id, a1)).at("/data/transitions")).isEmpty();
    }

    @Test
    void illegalTransitionsAreRejectedWithAClearCode() {
        long id = http.submit(a1, OnboardingTestData.request("公司" + OnboardingTestData.unique()));

        for (String action : List.of("APPROVE", "COMPLETE_DUE_DILIGENCE", "RETURN_FOR_CORRECTION", "RESUBMIT")) {
            ResponseEntity<String> response = http.post("/onboarding/applications/" + id + "/actions/" + action,
                    null, a1);
            assertFailure(response, HttpStatus.UNPROCESSABLE_ENTITY, "ILLEGAL_TRANSITION");
            assertThat(json(response).get("message").asText()).contains(action).contains("SUBMITTED");
        }
        assertThat(http.bytes(HttpMethod.POST, "/onboarding/applications/" + id + "/print", a1).getStatusCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertFailure(http.post("/onboarding/applications/" + id + "/actions/PRINT", null, a1),
                HttpStatus.BAD_REQUEST, "PARAM_INVALID");
        assertFailure(http.post("/onboarding/applications/" + id + "/actions/T(java.lang.Runtime)", null, a1),
                HttpStatus.BAD_REQUEST, "PARAM_INVALID");
        assertFailure(http.post("/onboarding/applications/" + id + "/actions/REJECT",
                Map.of("comment", "x".repeat(501)), a1), HttpStatus.BAD_REQUEST, "PARAM_INVALID");
        assertFailure(http.get("/onboarding/applications/999999999", a1), HttpStatus.NOT_FOUND, "NOT_FOUND");
        assertFailure(http.get("/onboarding/applications/abc", a1), HttpStatus.BAD_REQUEST, "PARAM_INVALID");

        assertThat(http.act(a1, id, "REJECT").get("status").asText()).isEqualTo("REJECTED");
        assertFailure(http.post("/onboarding/applications/" + id + "/actions/PRE_REVIEW", null, a1),
                HttpStatus.UNPROCESSABLE_ENTITY, "ILLEGAL_TRANSITION");
    }

    @Test
    void anUnavailableRegistryBlocksTheReviewWithAReason() {
        long id = http.submit(a1, OnboardingTestData.request("不可用" + OnboardingTestData.unique() + "有限公司"));
        JsonNode review = http.act(a1, id, "PRE_REVIEW").get("review");
        assertThat(review.get("overall").asText()).isEqualTo("BLOCKED");
        assertThat(review.at("/registry/available").asBoolean()).isFalse();
        assertThat(review.get("exceptions").toString()).contains("provider unavailable");

        ResponseEntity<String> approve = http.post("/onboarding/applications/" + id + "/actions/APPROVE", null, a1);
        assertFailure(approve, HttpStatus.UNPROCESSABLE_ENTITY, "REVIEW_BLOCKED");
        assertThat(json(approve).get("message").asText()).contains("BLOCKED").contains("provider unavailable");
        assertThat(json(http.get("/onboarding/applications/" + id, a1)).at("/data/status").asText())
                .isEqualTo("PRE_REVIEW");
    }

    @Test
    void revokedOrCancelledCompaniesFailTheOperatingStatusRule() {
        for (String status : List.of("吊销", "注销")) {
            long id = http.submit(a1, OnboardingTestData.request(status + OnboardingTestData.unique()));
            JsonNode review = http.act(a1, id, "PRE_REVIEW").get("review");
            assertThat(review.get("overall").asText()).isEqualTo("FAIL");
            assertThat(review.get("exceptions").toString()).contains("经营状态");
            assertFailure(http.post("/onboarding/applications/" + id + "/actions/APPROVE", null, a1),
                    HttpStatus.UNPROCESSABLE_ENTITY, "REVIEW_BLOCKED");
            assertThat(http.act(a1, id, "RETURN_FOR_CORRECTION").get("status").asText()).isEqualTo("RETURNED");
        }
    }

    @Test
    void strangersAndForgedTokensAreTurnedAway() {
        assertFailure(http.get("/onboarding/pending", null), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
        assertFailure(http.get("/onboarding/pending", "0".repeat(32)), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
        assertFailure(http.get("/onboarding/pending", "Bearer " + a1), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
        assertFailure(http.get("/onboarding/pending", a1 + "' OR '1'='1"), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
        assertFailure(http.get("/onboarding/pending", http.token("admin")), HttpStatus.FORBIDDEN, "FORBIDDEN");
        assertFailure(http.post("/onboarding/staff/login", Map.of("loginName", "officer.a1", "password", "wrong"),
                null), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
        assertFailure(http.post("/onboarding/staff/login", Map.of("loginName", "nobody", "password", "wrong"),
                null), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
        assertFailure(http.post("/onboarding/staff/login", Map.of("loginName", "x".repeat(65), "password", "p"),
                null), HttpStatus.BAD_REQUEST, "PARAM_INVALID");
        assertFailure(http.post("/onboarding/staff/login", "{\"loginName\":", null), HttpStatus.BAD_REQUEST,
                "PARAM_INVALID");
        assertFailure(http.post("/onboarding/staff/login", Map.of(), null), HttpStatus.BAD_REQUEST, "PARAM_INVALID");
    }

    @Test
    void malformedAndHostileSubmissionsAreRejected() {
        LocalDate today = LocalDate.now();
        RelatedPersonDTO rep = OnboardingTestData.legalRep(today.minusYears(40), null);
        String good = OnboardingTestData.creditCode();
        String badCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');

        assertFailure(http.post("/onboarding/applications",
                new SubmitApplicationRequest(badCheck, "公司", null, null, List.of(rep)), a1),
                HttpStatus.UNPROCESSABLE_ENTITY, "INVALID_CREDIT_CODE");
        assertFailure(http.post("/onboarding/applications",
                new SubmitApplicationRequest(good, "公司", null, null, List.of()), a1),
                HttpStatus.BAD_REQUEST, "PARAM_INVALID");
        assertFailure(http.post("/onboarding/applications",
                new SubmitApplicationRequest(good, "公司", null, null, List.of(rep, rep)), a1),
                HttpStatus.UNPROCESSABLE_ENTITY, "INVALID_APPLICATION");
        assertFailure(http.post("/onboarding/applications",
                new SubmitApplicationRequest(good, "x".repeat(10_000), null, null, List.of(rep)), a1),
                HttpStatus.BAD_REQUEST, "PARAM_INVALID");
        assertFailure(http.post("/onboarding/applications",
                new SubmitApplicationRequest(good, "公司", null, "NO_SUCH_TYPE", List.of(rep)), a1),
                HttpStatus.UNPROCESSABLE_ENTITY, "INVALID_APPLICATION");
        RelatedPersonDTO sql = new RelatedPersonDTO("LEGAL_REPRESENTATIVE", "x", "CHN", "MAINLAND_ID",
                "1' OR '1'='1", today.minusYears(40), null);
        ResponseEntity<String> hostile = http.post("/onboarding/applications",
                new SubmitApplicationRequest(good, "公司", null, null, List.of(sql)), a1);
        assertFailure(hostile, HttpStatus.BAD_REQUEST, "PARAM_INVALID");
        assertThat(hostile.getBody()).contains("idNumber");
        assertFailure(http.post("/onboarding/applications", null, a1), HttpStatus.BAD_REQUEST, "PARAM_INVALID");
        assertFailure(http.post("/onboarding/applications", "[1,2", a1), HttpStatus.BAD_REQUEST, "PARAM_INVALID");
        assertFailure(http.post("/onboarding/applications",
                new SubmitApplicationRequest(good, "公司", null, null, List.of(rep)), null),
                HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
    }

    @Test
    void thePendingListFiltersAndPagesWithinTheOfficersBranch() {
        String marker = OnboardingTestData.unique();
        long first = http.submit(a1, OnboardingTestData.request("甲" + marker));
        http.submit(a1, OnboardingTestData.request("乙" + marker));
        long third = http.submit(a1, OnboardingTestData.request("丙" + marker));
        http.act(a1, first, "PRE_REVIEW");

        JsonNode page1 = json(http.get("/onboarding/pending?keyword=" + marker + "&size=2", a1));
        assertThat(page1.get("total").asLong()).isEqualTo(3);
        assertThat(page1.get("totalPages").asLong()).isEqualTo(2);
        assertThat(page1.get("records")).hasSize(2);
        assertThat(page1.at("/records/0/id").asLong()).isEqualTo(third);
        JsonNode page2 = json(http.get("/onboarding/pending?keyword=" + marker + "&size=2&page=2", a1));
        assertThat(page2.get("records")).singleElement()
                .satisfies(r -> assertThat(r.get("id").asLong()).isEqualTo(first));

        JsonNode reviewing = json(http.get("/onboarding/pending?status=PRE_REVIEW&keyword=" + marker, a1));
        assertThat(reviewing.get("total").asLong()).isOne();

        // LIKE wildcards in the keyword match themselves only.
        assertThat(json(http.get("/onboarding/pending?keyword={k}", a1, "%" + marker)).get("total").asLong())
                .isZero();
        assertThat(json(http.get("/onboarding/pending?keyword={k}", a1, "_" + marker.substring(1)))
                .get("total").asLong()).isZero();
        assertThat(json(http.get("/onboarding/pending?keyword={k}", a1, marker.substring(1))).get("total").asLong())
                .isEqualTo(3);

        assertFailure(http.get("/onboarding/pending?status=ARCHIVED", a1), HttpStatus.BAD_REQUEST, "PARAM_INVALID");
        assertFailure(http.get("/onboarding/pending?status=x'--", a1), HttpStatus.BAD_REQUEST, "PARAM_INVALID");
        assertFailure(http.get("/onboarding/pending?size=1000", a1), HttpStatus.BAD_REQUEST, "PARAM_INVALID");
        assertFailure(http.get("/onboarding/pending?page=0", a1), HttpStatus.BAD_REQUEST, "PARAM_INVALID");
        assertFailure(http.get("/onboarding/pending?page=abc", a1), HttpStatus.BAD_REQUEST, "PARAM_INVALID");
        assertFailure(http.get("/onboarding/pending?keyword=" + "k".repeat(101), a1), HttpStatus.BAD_REQUEST,
                "PARAM_INVALID");
    }

    private static void assertPdf(byte[] pdf, String company, List<RelatedPersonDTO> persons) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(company).contains("网点A 柜员一");
            for (RelatedPersonDTO p : persons) {
                assertThat(text).doesNotContain(p.idNumber())
                        .contains(p.idNumber().substring(0, 3) + "***********" + p.idNumber().substring(14));
            }
        }
    }
}
