package io.tradekit.sample.nft.onboarding.domain;

import io.tradekit.core.error.ErrorCode;

/** The onboarding context's own failure codes; access failures use the core's common codes. */
public enum OnboardingErrorCode implements ErrorCode {

    ILLEGAL_TRANSITION("The action is not allowed in the application's current state."),
    REVIEW_BLOCKED("The pre-review did not pass; the application cannot move on."),
    DUE_DILIGENCE_INCOMPLETE("No due diligence concluded PASS was recorded in the current due-diligence round."),
    INVALID_CREDIT_CODE("The unified social credit code fails the GB 32100-2015 check."),
    INVALID_APPLICATION("The application data is invalid."),
    DUPLICATE_APPOINTMENT("An application with this appointment number already exists.");

    private final String message;

    OnboardingErrorCode(String message) {
        this.message = message;
    }

    @Override
    public String getCode() {
        return name();
    }

    @Override
    public String getMessage() {
        return message;
    }
}
