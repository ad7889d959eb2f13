package io.tradekit.sample.nft.onboarding.facade;

import io.tradekit.core.response.SingleResponse;
import io.tradekit.facade.Facade;
import io.tradekit.sample.nft.onboarding.api.OnboardingFacade;
import io.tradekit.sample.nft.onboarding.api.SubmitApplicationRequest;
import io.tradekit.sample.nft.onboarding.api.SubmitResultDTO;
import io.tradekit.sample.nft.onboarding.application.SubmitApplicationService;
import org.apache.dubbo.config.annotation.DubboService;

/**
 * The Dubbo provider of {@link OnboardingFacade}: {@code @Facade} validates the request, turns every
 * exception into a failed response and logs the call with persons' names and IDs masked.
 */
@DubboService
public class OnboardingFacadeImpl implements OnboardingFacade {

    /** The channel recorded on applications submitted here. */
    static final String CHANNEL = "DUBBO";

    private final SubmitApplicationService submit;

    public OnboardingFacadeImpl(SubmitApplicationService submit) {
        this.submit = submit;
    }

    @Override
    @Facade
    public SingleResponse<SubmitResultDTO> submit(SubmitApplicationRequest request) {
        return SingleResponse.of(submit.submitFromChannel(request, CHANNEL));
    }
}
