package io.tradekit.sample.nft.user.domain;

/** What an account may do: buy, or also administer collections and users. */
public enum UserRole {
    CUSTOMER, ADMIN
}
