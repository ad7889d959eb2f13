/** The business-registry port and what it answers. */
package io.tradekit.sample.nft.onboarding.domain.registry;
