/** Scheduled entry: flags applications whose persons' IDs expire soon. */
package io.tradekit.sample.nft.onboarding.job;
