package io.tradekit.sample.nft.parameter.controller;

import static io.tradekit.sample.nft.onboarding.OnboardingHttp.assertFailure;
import static io.tradekit.sample.nft.onboarding.OnboardingHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.onboarding.OnboardingHttp;
import io.tradekit.sample.nft.onboarding.OnboardingTestData;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * Parameter management over HTTP: an administrator's change publishes a new version, and an
 * application reviewed under the old version keeps showing the old results. Each test builds its
 * own voucher and business type, so the seeded rules other tests use never change.
 */
@SampleAppTest
class ParameterVersioningHttpTest {

    @Autowired
    TestRestTemplate rest;

    OnboardingHttp http;
    String admin;
    String officer;

    @BeforeEach
    void login() {
        http = new OnboardingHttp(rest);
        admin = http.token("admin");
        officer = http.token("officer.a1");
    }

    private static Map<String, Object> ageElement(String max) {
        return Map.of("code", "LEGAL_REP_AGE", "name", "法人年龄", "sourceType", "PERSON",
                "sourcePath", "LEGAL_REPRESENTATIVE.age", "ruleType", "RANGE",
                "args", Map.of("min", "18", "max", max), "message", "法人年龄超限");
    }

    private long elementAndBusinessType(String voucher, String businessType) {
        assertThat(http.post("/parameter/vouchers", Map.of("code", voucher, "name", "测试凭证"), admin)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        long elementId = json(http.post("/parameter/vouchers/" + voucher + "/elements", ageElement("70"), admin))
                .at("/data/id").asLong();
        JsonNode v1 = json(http.put("/parameter/business-types",
                Map.of("code", businessType, "name", "测试业务", "voucherCodes", List.of(voucher)), admin)).get("data");
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(v1.get("elements")).hasSize(1);
        return elementId;
    }

    private long reviewedApplication(String businessType, int legalRepAge) {
        LocalDate today = LocalDate.now();
        long id = http.submit(officer, OnboardingTestData.request("版本" + OnboardingTestData.unique(), businessType,
                List.of(OnboardingTestData.legalRep(today.minusYears(legalRepAge).minusDays(10), null))));
        http.act(officer, id, "PRE_REVIEW");
        return id;
    }

    @Test
    void aChangePublishesANewVersionAndOldReviewsKeepTheirs() {
        String suffix = OnboardingTestData.unique();
        String voucher = "V_" + suffix;
        String businessType = "BT_" + suffix;
        long elementId = elementAndBusinessType(voucher, businessType);

        long underV1 = reviewedApplication(businessType, 65);
        JsonNode before = json(http.get("/onboarding/applications/" + underV1, officer)).get("data");
        assertThat(before.get("ruleVersion").asInt()).isEqualTo(1);
        assertThat(before.at("/review/overall").asText()).isEqualTo("PASS");

        JsonNode changed = json(http.put("/parameter/elements/" + elementId, ageElement("60"), admin));
        assertThat(changed.at("/data/args/max").asText()).isEqualTo("60");
        JsonNode latest = json(http.get("/parameter/business-types/" + businessType + "/rule-set", admin)).get("data");
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.at("/elements/0/args/max").asText()).isEqualTo("60");
        assertThat(latest.get("publishedBy").asText()).contains("admin");
        JsonNode first = json(http.get("/parameter/business-types/" + businessType + "/rule-set?version=1", admin))
                .get("data");
        assertThat(first.at("/elements/0/args/max").asText()).isEqualTo("70");

        JsonNode after = json(http.get("/onboarding/applications/" + underV1, officer)).get("data");
        assertThat(after.get("ruleVersion").asInt()).isEqualTo(1);
        assertThat(after.get("review")).isEqualTo(before.get("review"));

        long underV2 = reviewedApplication(businessType, 65);
        JsonNode judged = json(http.get("/onboarding/applications/" + underV2, officer)).get("data");
        assertThat(judged.get("ruleVersion").asInt()).isEqualTo(2);
        assertThat(judged.at("/review/overall").asText()).isEqualTo("FAIL");
        assertThat(judged.at("/review/exceptions").toString()).contains("65 is outside 18..60");

        // The same data again publishes nothing new.
        http.put("/parameter/elements/" + elementId, ageElement("60"), admin);
        assertThat(json(http.get("/parameter/business-types/" + businessType + "/rule-set", admin))
                .at("/data/version").asInt()).isEqualTo(2);

        assertThat(http.bytes(HttpMethod.DELETE, "/parameter/elements/" + elementId, admin).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(json(http.get("/parameter/business-types/" + businessType + "/rule-set", admin))
                .at("/data/elements")).isEmpty();
    }

    @Test
    void onlyAdministratorsManageParameters() {
        assertFailure(http.get("/parameter/vouchers", null), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
        assertFailure(http.get("/parameter/vouchers", officer), HttpStatus.FORBIDDEN, "FORBIDDEN");
        assertFailure(http.post("/parameter/vouchers", Map.of("code", "X_" + OnboardingTestData.unique(), "name", "n"),
                officer), HttpStatus.FORBIDDEN, "FORBIDDEN");
        assertFailure(http.put("/parameter/elements/1", ageElement("99"), officer), HttpStatus.FORBIDDEN, "FORBIDDEN");
        assertThat(json(http.get("/parameter/vouchers", admin)).get("list").toString()).contains("BUSINESS_LICENSE");
    }

    @Test
    void hostileOrInvalidParametersAreRejected() {
        String suffix = OnboardingTestData.unique();
        String voucher = "V_" + suffix;
        elementAndBusinessType(voucher, "BT_" + suffix);
        String elements = "/parameter/vouchers/" + voucher + "/elements";

        Map<String, Object> spel = new HashMap<>(ageElement("70"));
        spel.put("code", "SPEL");
        spel.put("sourcePath", "T(java.lang.Runtime).getRuntime().exec('id')");
        assertFailure(http.post(elements, spel, admin), HttpStatus.UNPROCESSABLE_ENTITY, "INVALID_ELEMENT");

        Map<String, Object> redos = new HashMap<>(ageElement("70"));
        redos.put("code", "REDOS");
        redos.put("ruleType", "REGEX");
        redos.put("args", Map.of("pattern", "(" + "a".repeat(300) + ")"));
        assertFailure(http.post(elements, redos, admin), HttpStatus.UNPROCESSABLE_ENTITY, "INVALID_ELEMENT");

        Map<String, Object> nullArg = new HashMap<>(ageElement("70"));
        nullArg.put("code", "NULLS");
        Map<String, String> args = new HashMap<>();
        args.put("min", null);
        args.put("max", "70");
        nullArg.put("args", args);
        assertFailure(http.post(elements, nullArg, admin), HttpStatus.UNPROCESSABLE_ENTITY, "INVALID_ELEMENT");

        assertFailure(http.post(elements, ageElement("70"), admin), HttpStatus.UNPROCESSABLE_ENTITY, "DUPLICATE_CODE");
        assertFailure(http.post("/parameter/vouchers", Map.of("code", voucher, "name", "again"), admin),
                HttpStatus.UNPROCESSABLE_ENTITY, "DUPLICATE_CODE");
        assertFailure(http.post("/parameter/vouchers", Map.of("code", "bad code'--", "name", "n"), admin),
                HttpStatus.BAD_REQUEST, "PARAM_INVALID");
        assertFailure(http.post("/parameter/vouchers/NOPE_" + suffix + "/elements", ageElement("70"), admin),
                HttpStatus.UNPROCESSABLE_ENTITY, "UNKNOWN_VOUCHER");
        assertFailure(http.put("/parameter/business-types", Map.of("code", "BT2_" + suffix, "name", "n",
                "voucherCodes", List.of("NOPE_" + suffix)), admin), HttpStatus.UNPROCESSABLE_ENTITY, "UNKNOWN_VOUCHER");
        assertFailure(http.put("/parameter/business-types", Map.of("code", "BT3_" + suffix, "name", "n",
                "voucherCodes", List.of()), admin), HttpStatus.BAD_REQUEST, "PARAM_INVALID");
        assertFailure(http.get("/parameter/business-types/NOPE_" + suffix + "/rule-set", admin),
                HttpStatus.NOT_FOUND, "NOT_FOUND");
        assertFailure(http.put("/parameter/elements/999999999", ageElement("70"), admin), HttpStatus.NOT_FOUND,
                "NOT_FOUND");
        assertFailure(http.post(elements, "{\"code\":", admin), HttpStatus.BAD_REQUEST, "PARAM_INVALID");
    }
}
