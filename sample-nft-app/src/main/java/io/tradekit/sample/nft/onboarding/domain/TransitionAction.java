package io.tradekit.sample.nft.onboarding.domain;

import static io.tradekit.sample.nft.onboarding.domain.ApplicationStatus.ARCHIVED;
import static io.tradekit.sample.nft.onboarding.domain.ApplicationStatus.DUE_DILIGENCE;
import static io.tradekit.sample.nft.onboarding.domain.ApplicationStatus.PRE_REVIEW;
import static io.tradekit.sample.nft.onboarding.domain.ApplicationStatus.READY_TO_PRINT;
import static io.tradekit.sample.nft.onboarding.domain.ApplicationStatus.REJECTED;
import static io.tradekit.sample.nft.onboarding.domain.ApplicationStatus.RETURNED;
import static io.tradekit.sample.nft.onboarding.domain.ApplicationStatus.SUBMITTED;

import io.tradekit.core.error.BizException;
import java.util.EnumSet;
import java.util.Set;

/**
 * The state machine of an {@link OnboardingApplication}: each action lists the states it may start
 * from and the one it leads to. Anything else is {@link OnboardingErrorCode#ILLEGAL_TRANSITION}.
 */
public enum TransitionAction {

    /** Runs the rule set (again, e.g. after the registry was unavailable) and pins its version. */
    PRE_REVIEW(EnumSet.of(SUBMITTED, ApplicationStatus.PRE_REVIEW), ApplicationStatus.PRE_REVIEW),
    /** Pre-review passed: on to due diligence. Refused while the pre-review is failed or blocked. */
    APPROVE(EnumSet.of(ApplicationStatus.PRE_REVIEW), DUE_DILIGENCE),
    /** Due diligence done: the dossier may be printed. */
    COMPLETE_DUE_DILIGENCE(EnumSet.of(DUE_DILIGENCE), READY_TO_PRINT),
    /** One-click print: the dossier is generated and the application archived. */
    PRINT(EnumSet.of(READY_TO_PRINT), ARCHIVED),
    REJECT(EnumSet.of(SUBMITTED, ApplicationStatus.PRE_REVIEW, DUE_DILIGENCE), REJECTED),
    RETURN_FOR_CORRECTION(EnumSet.of(ApplicationStatus.PRE_REVIEW, DUE_DILIGENCE), RETURNED),
    /** The corrected application comes back to the start of the flow. */
    RESUBMIT(EnumSet.of(RETURNED), SUBMITTED);

    private final Set<ApplicationStatus> from;
    private final ApplicationStatus to;

    TransitionAction(Set<ApplicationStatus> from, ApplicationStatus to) {
        this.from = from;
        this.to = to;
    }

    /** The state this action leads to. */
    public ApplicationStatus target() {
        return to;
    }

    /** Whether the action may start from {@code status}. */
    public boolean allowedFrom(ApplicationStatus status) {
        return from.contains(status);
    }

    /**
     * The state after this action, or {@code ILLEGAL_TRANSITION} naming both ends.
     *
     * @param current the application's current state
     * @return the target state
     */
    public ApplicationStatus apply(ApplicationStatus current) {
        if (!allowedFrom(current)) {
            throw new BizException(OnboardingErrorCode.ILLEGAL_TRANSITION,
                    "Action " + name() + " is not allowed in state " + current + " (allowed from " + from + ")");
        }
        return to;
    }
}
