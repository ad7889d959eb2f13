/**
 * Onboarding use cases: staff login and the role/branch checks ({@link
 * io.tradekit.sample.nft.onboarding.application.StaffContext}), submission, the state-machine actions
 * under a per-application lock, pre-review, the branch pending list, printing and the expiry job.
 */
package io.tradekit.sample.nft.onboarding.application;
