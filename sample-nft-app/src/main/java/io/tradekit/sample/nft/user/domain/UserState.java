package io.tradekit.sample.nft.user.domain;

/** Life cycle of an account: registered, real-name authenticated, frozen (no login, no trading). */
public enum UserState {
    INIT, AUTHENTICATED, FROZEN
}
