package io.tradekit.sample.nft.user.api;

/** {@link UserFacade}'s answers that are a refusal about the asked user, not a failure of the call. */
public enum UserRefusal {

    /** No user has the id (the user context's {@code UserErrorCode.USER_NOT_FOUND}). */
    USER_NOT_FOUND;

    /** Whether a failed response's code is this refusal. */
    public boolean is(String code) {
        return name().equals(code);
    }
}
