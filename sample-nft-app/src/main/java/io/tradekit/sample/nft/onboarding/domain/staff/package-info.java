/** Branch staff, their roles and password hashing. */
package io.tradekit.sample.nft.onboarding.domain.staff;
