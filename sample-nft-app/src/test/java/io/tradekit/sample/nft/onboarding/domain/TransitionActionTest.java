package io.tradekit.sample.nft.onboarding.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradekit.core.error.BizException;
import org.junit.jupiter.api.Test;

class TransitionActionTest {

    @Test
    void theHappyPathRunsFromSubmittedToArchived() {
        ApplicationStatus s = ApplicationStatus.SUBMITTED;
        s = TransitionAction.PRE_REVIEW.apply(s);
        s = TransitionAction.APPROVE.apply(s);
        s = TransitionAction.COMPLETE_DUE_DILIGENCE.apply(s);
        s = TransitionAction.PRINT.apply(s);
        assertThat(s).isEqualTo(ApplicationStatus.ARCHIVED);
    }

    @Test
    void returnedApplicationsComeBackAsSubmitted() {
        ApplicationStatus s = TransitionAction.RETURN_FOR_CORRECTION.apply(ApplicationStatus.PRE_REVIEW);
        assertThat(TransitionAction.RESUBMIT.apply(s)).isEqualTo(ApplicationStatus.SUBMITTED);
    }

    @Test
    void everyActionOutsideItsSourceStatesIsIllegal() {
        int illegal = 0;
        for (TransitionAction action : TransitionAction.values()) {
            for (ApplicationStatus status : ApplicationStatus.values()) {
                if (!action.allowedFrom(status)) {
                    illegal++;
                    assertThatThrownBy(() -> action.apply(status)).isInstanceOf(BizException.class)
                            .satisfies(e -> assertThat(((BizException) e).getErrorCode())
                                    .isEqualTo(OnboardingErrorCode.ILLEGAL_TRANSITION))
                            .hasMessageContaining(action.name()).hasMessageContaining(status.name());
                }
            }
        }
        assertThat(illegal).isGreaterThan(30);
    }

    @Test
    void finalStatesAllowNothing() {
        for (TransitionAction action : TransitionAction.values()) {
            assertThat(action.allowedFrom(ApplicationStatus.ARCHIVED)).isFalse();
            assertThat(action.allowedFrom(ApplicationStatus.REJECTED)).isFalse();
        }
    }
}
