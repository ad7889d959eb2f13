package io.tradekit.sample.nft.onboarding.application;

import static io.tradekit.sample.nft.onboarding.OnboardingHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.onboarding.OnboardingHttp;
import io.tradekit.sample.nft.onboarding.OnboardingTestData;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The expiry job's service against the real database: soon-expiring IDs flagged, others not, idempotent. */
@SampleAppTest
class ExpiringIdFlagServiceTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ExpiringIdFlagService service;

    @Test
    void flagsActiveApplicationsWhosePersonsIdsExpireWithinTheWindow() {
        OnboardingHttp http = new OnboardingHttp(rest);
        String a1 = http.token("officer.a1");
        // A "today" far ahead, so no other test's IDs (valid five years or long-term) fall in the window.
        LocalDate today = LocalDate.now().plusYears(30);
        String marker = OnboardingTestData.unique();
        long soon = http.submit(a1, OnboardingTestData.request("快到期" + marker, null,
                List.of(OnboardingTestData.legalRep(LocalDate.of(1980, 1, 1), today.plusDays(30)))));
        long later = http.submit(a1, OnboardingTestData.request("未到期" + marker, null,
                List.of(OnboardingTestData.legalRep(LocalDate.of(1980, 1, 1), today.plusDays(31)))));
        long rejected = http.submit(a1, OnboardingTestData.request("已拒绝" + marker, null,
                List.of(OnboardingTestData.legalRep(LocalDate.of(1980, 1, 1), today.plusDays(1)))));
        http.act(a1, rejected, "REJECT");

        assertThat(service.flag(today)).isEqualTo(1);
        assertThat(service.flag(today)).isZero();

        assertThat(json(http.get("/onboarding/applications/" + soon, a1)).at("/data/idExpiryFlag").asBoolean()).isTrue();
        assertThat(json(http.get("/onboarding/applications/" + later, a1)).at("/data/idExpiryFlag").asBoolean())
                .isFalse();
        assertThat(json(http.get("/onboarding/applications/" + rejected, a1)).at("/data/idExpiryFlag").asBoolean())
                .isFalse();
        assertThat(json(http.get("/onboarding/pending?keyword={k}", a1, marker)).at("/records").toString())
                .contains("\"idExpiryFlag\":true").contains("\"idExpiryFlag\":false");
    }
}
