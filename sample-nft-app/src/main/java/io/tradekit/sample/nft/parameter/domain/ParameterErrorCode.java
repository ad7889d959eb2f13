package io.tradekit.sample.nft.parameter.domain;

import io.tradekit.core.error.ErrorCode;

/** Parameter management's own failure codes. */
public enum ParameterErrorCode implements ErrorCode {

    INVALID_ELEMENT("The element's source or rule is invalid."),
    UNKNOWN_VOUCHER("The voucher does not exist."),
    DUPLICATE_CODE("The code is already taken."),
    VERSION_CONFLICT("Another change published a version at the same time; retry.");

    private final String message;

    ParameterErrorCode(String message) {
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
