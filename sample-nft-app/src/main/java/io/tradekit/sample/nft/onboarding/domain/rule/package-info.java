/**
 * The data-driven rules engine: {@link io.tradekit.sample.nft.onboarding.domain.rule.RuleSet}s from
 * parameter management judged by {@link io.tradekit.sample.nft.onboarding.domain.rule.RuleEngine}
 * into a stored {@link io.tradekit.sample.nft.onboarding.domain.rule.ReviewReport}.
 */
package io.tradekit.sample.nft.onboarding.domain.rule;
