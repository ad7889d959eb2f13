package io.tradekit.sample.nft.onboarding.facade;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.core.response.SingleResponse;
import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.onboarding.OnboardingTestData;
import io.tradekit.sample.nft.onboarding.api.OnboardingFacade;
import io.tradekit.sample.nft.onboarding.api.RelatedPersonDTO;
import io.tradekit.sample.nft.onboarding.api.SubmitApplicationRequest;
import io.tradekit.sample.nft.onboarding.api.SubmitResultDTO;
import java.time.LocalDate;
import java.util.List;
import org.apache.dubbo.common.URL;
import org.apache.dubbo.config.ReferenceConfig;
import org.apache.dubbo.config.spring.ServiceBean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A channel's call over the real Dubbo protocol on loopback (a direct reference to the exported
 * URL, never injvm): the request with its records and dates survives serialization, and invalid
 * ones come back as failed responses.
 */
@SampleAppTest
class OnboardingFacadeOverDubboTest {

    @Autowired
    ApplicationContext context;

    @Test
    void submitsAcrossTheDubboProtocol() {
        URL exported = exportedUrl();
        assertThat(exported.getHost()).isEqualTo("127.0.0.1");
        ReferenceConfig<OnboardingFacade> reference = new ReferenceConfig<>();
        reference.setInterface(OnboardingFacade.class);
        reference.setUrl("dubbo://127.0.0.1:" + exported.getPort());
        reference.setTimeout(15_000);
        reference.setRetries(0);
        try {
            OnboardingFacade facade = reference.get();
            LocalDate today = LocalDate.now();
            List<RelatedPersonDTO> persons = List.of(OnboardingTestData.legalRep(today.minusYears(45),
                    today.plusYears(3)));
            SingleResponse<SubmitResultDTO> ok = facade.submit(new SubmitApplicationRequest(
                    OnboardingTestData.creditCode(), "远程" + OnboardingTestData.unique(), "BR002", null, persons));
            assertThat(ok.isSuccess()).as(ok.getMessage()).isTrue();
            assertThat(ok.getData().appointmentNo()).startsWith("OB");

            SingleResponse<SubmitResultDTO> invalid = facade.submit(new SubmitApplicationRequest(
                    "short", "公司", "BR002", null, persons));
            assertThat(invalid.isSuccess()).isFalse();
            assertThat(invalid.getCode()).isEqualTo("PARAM_INVALID");
            assertThat(invalid.getMessage()).contains("creditCode");
        } finally {
            reference.destroy();
        }
    }

    @SuppressWarnings("rawtypes")
    private URL exportedUrl() {
        return context.getBeansOfType(ServiceBean.class).values().stream()
                .filter(bean -> OnboardingFacade.class.getName().equals(bean.getInterface()))
                .flatMap(bean -> ((List<URL>) bean.getExportedUrls()).stream())
                .filter(url -> "dubbo".equals(url.getProtocol())).findFirst()
                .orElseThrow(() -> new AssertionError("OnboardingFacade is not exported over dubbo"));
    }
}
