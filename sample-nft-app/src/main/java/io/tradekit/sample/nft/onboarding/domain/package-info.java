/**
 * The onboarding domain: {@link io.tradekit.sample.nft.onboarding.domain.OnboardingApplication}, its
 * state machine ({@link io.tradekit.sample.nft.onboarding.domain.TransitionAction}), the GB 32100 and
 * GB 11643 validators, and the ports the infrastructure implements. No Spring types.
 */
package io.tradekit.sample.nft.onboarding.domain;
