/** The onboarding Dubbo contract: submitting an application from another channel. */
@org.springframework.modulith.NamedInterface("api")
package io.tradekit.sample.nft.onboarding.api;
