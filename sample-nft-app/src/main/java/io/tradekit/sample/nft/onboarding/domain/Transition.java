package io.tradekit.sample.nft.onboarding.domain;

import java.time.Instant;

/** One recorded step of the state machine: who moved the application from where to where, and why. */
public record Transition(long applicationId, TransitionAction action, ApplicationStatus from, ApplicationStatus to,
                         String actor, String comment, Instant at) {
}
