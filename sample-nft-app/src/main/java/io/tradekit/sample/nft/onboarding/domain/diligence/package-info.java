/**
 * Due diligence (尽职调查): the checklist a branch officer works through, derived from the rule set the
 * application was pre-reviewed under ({@link io.tradekit.sample.nft.onboarding.domain.diligence.DueDiligenceChecklist}),
 * and the officer's recorded {@link io.tradekit.sample.nft.onboarding.domain.diligence.DueDiligence}:
 * an answer per item, findings and a conclusion, with who and when.
 */
package io.tradekit.sample.nft.onboarding.domain.diligence;
