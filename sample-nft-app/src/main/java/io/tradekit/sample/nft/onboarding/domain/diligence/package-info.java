/**
 * Due diligence (尽职调查): the checklist a branch officer works through, derived from the rule set the
 * application was pre-reviewed under ({@link DueDiligenceChecklist}), and the officer's recorded
 * {@link DueDiligence}: an answer per item, findings and a conclusion, with who and when.
 */
package io.tradekit.sample.nft.onboarding.domain.diligence;
