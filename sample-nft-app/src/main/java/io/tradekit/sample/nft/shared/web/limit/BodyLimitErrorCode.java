package io.tradekit.sample.nft.shared.web.limit;

import io.tradekit.core.error.ErrorCode;

/** Why {@link RequestBodyLimitFilter} refused a request. */
public enum BodyLimitErrorCode implements ErrorCode {

    PAYLOAD_TOO_LARGE("The request body is too large.");

    private final String message;

    BodyLimitErrorCode(String message) {
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
