package io.tradekit.sample.nft.onboarding.facade;

import static io.tradekit.sample.nft.onboarding.OnboardingHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.core.response.SingleResponse;
import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.onboarding.OnboardingHttp;
import io.tradekit.sample.nft.onboarding.OnboardingTestData;
import io.tradekit.sample.nft.onboarding.api.OnboardingFacade;
import io.tradekit.sample.nft.onboarding.api.RelatedPersonDTO;
import io.tradekit.sample.nft.onboarding.api.SubmitApplicationRequest;
import io.tradekit.sample.nft.onboarding.api.SubmitResultDTO;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A channel submits through the facade (the provider bean with its {@code @Facade} aspect, in this
 * JVM); the branch's officer then finds it. Invalid requests come back as failed responses, never
 * as exceptions.
 */
@SampleAppTest
class OnboardingFacadeTest {

    @Autowired
    OnboardingFacade facade;

    @Autowired
    TestRestTemplate rest;

    private static SubmitApplicationRequest request(String company, String branch, List<RelatedPersonDTO> persons) {
        return new SubmitApplicationRequest(OnboardingTestData.creditCode(), company, branch, null, persons);
    }

    @Test
    void aChannelSubmitsToABranchWhoseOfficerSeesIt() {
        String marker = OnboardingTestData.unique();
        LocalDate today = LocalDate.now();
        SingleResponse<SubmitResultDTO> response = facade.submit(request("渠道" + marker, "BR001",
                List.of(OnboardingTestData.legalRep(today.minusYears(45), null), OnboardingTestData.owner(
                        today.minusYears(30)))));

        assertThat(response.isSuccess()).as(response.getMessage()).isTrue();
        assertThat(response.getData().status()).isEqualTo("SUBMITTED");
        OnboardingHttp http = new OnboardingHttp(rest);
        var page = json(http.get("/onboarding/pending?keyword={k}", http.token("officer.a1"), marker));
        assertThat(page.get("total").asLong()).isOne();
        var detail = json(http.get("/onboarding/applications/" + response.getData().applicationId(),
                http.token("officer.a1"))).get("data");
        assertThat(detail.get("channel").asText()).isEqualTo("DUBBO");
        assertThat(json(http.get("/onboarding/pending?keyword={k}", http.token("officer.b1"), marker))
                .get("total").asLong()).isZero();
    }

    @Test
    void invalidRequestsFailWithACodeAndNeverThrow() {
        LocalDate today = LocalDate.now();
        SingleResponse<SubmitResultDTO> nullRequest = facade.submit(null);
        assertThat(nullRequest.isSuccess()).isFalse();
        assertThat(nullRequest.getCode()).isEqualTo("PARAM_INVALID");

        SingleResponse<SubmitResultDTO> noPersons = facade.submit(request("公司", "BR001", List.of()));
        assertThat(noPersons.getCode()).isEqualTo("PARAM_INVALID");
        assertThat(noPersons.getMessage()).contains("persons");

        RelatedPersonDTO hostile = new RelatedPersonDTO("LEGAL_REPRESENTATIVE", "x", "CHN", "MAINLAND_ID",
                "${jndi:ldap://127.0.0.1/a}", today.minusYears(40), null);
        SingleResponse<SubmitResultDTO> injected = facade.submit(request("公司", "BR001", List.of(hostile)));
        assertThat(injected.getCode()).isEqualTo("PARAM_INVALID");
        assertThat(injected.getMessage()).contains("idNumber");

        SingleResponse<SubmitResultDTO> noBranch = facade.submit(request("公司", null,
                List.of(OnboardingTestData.legalRep(today.minusYears(40), null))));
        assertThat(noBranch.isSuccess()).isFalse();
        assertThat(noBranch.getCode()).isEqualTo("INVALID_APPLICATION");

        SubmitApplicationRequest badCode = new SubmitApplicationRequest("91110105000000000A", "公司", "BR001", null,
                List.of(OnboardingTestData.legalRep(today.minusYears(40), null)));
        assertThat(facade.submit(badCode).getCode()).isEqualTo("INVALID_CREDIT_CODE");
    }
}
