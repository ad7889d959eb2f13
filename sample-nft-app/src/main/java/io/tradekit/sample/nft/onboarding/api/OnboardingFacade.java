package io.tradekit.sample.nft.onboarding.api;

import io.tradekit.core.response.SingleResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Dubbo contract for channels (e.g. the app's 小 H 开户) submitting applications to a branch. */
public interface OnboardingFacade {

    /** Submits an application to the named branch; fails with {@code PARAM_INVALID} or a business code. */
    SingleResponse<SubmitResultDTO> submit(@NotNull @Valid SubmitApplicationRequest request);
}
