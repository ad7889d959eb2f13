package io.tradekit.sample.nft.onboarding.domain.rule;

/**
 * One element checked against one subject (the company, or one person by role and masked name).
 *
 * @param thirdParty whether the value came from a third party rather than our own data
 */
public record CheckResult(String elementCode, String elementName, String subject, CheckOutcome outcome,
                          String message, boolean thirdParty) {
}
