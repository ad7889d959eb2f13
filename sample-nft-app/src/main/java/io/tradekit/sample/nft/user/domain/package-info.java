/** The user rules: states, password hashing, the GB 11643 ID number check, and the repository port. */
package io.tradekit.sample.nft.user.domain;
