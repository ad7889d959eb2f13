package io.tradekit.sample.nft.user.domain;

import io.tradekit.core.error.ErrorCode;

/** Failures of the user context. */
public enum UserErrorCode implements ErrorCode {

    TELEPHONE_TAKEN("The phone number is already registered."),
    USER_NOT_FOUND("The user does not exist."),
    BAD_CREDENTIALS("The phone number or password is wrong."),
    USER_FROZEN("The account is frozen."),
    ID_CARD_INVALID("The ID number is not a valid GB 11643 number."),
    ALREADY_AUTHENTICATED("The real name is already authenticated."),
    ID_NUMBER_TAKEN("The ID number is already bound to another account.");

    private final String message;

    UserErrorCode(String message) {
        this.message = message;
    }

    @Override
    public String getCode() {
        return name();
    }

    @Override
    public String getMessage() {
        return message;
    }
}
