/** Dubbo entry: channels submit applications through {@link io.tradekit.sample.nft.onboarding.api.OnboardingFacade}. */
package io.tradekit.sample.nft.onboarding.facade;
