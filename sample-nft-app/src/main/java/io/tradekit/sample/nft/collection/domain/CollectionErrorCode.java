package io.tradekit.sample.nft.collection.domain;

import io.tradekit.core.error.ErrorCode;

/** Failures of the collection context. */
public enum CollectionErrorCode implements ErrorCode {

    COLLECTION_NOT_FOUND("The collection does not exist."),
    NOT_BOOKABLE("The collection cannot be booked (no booking needed, or the sale started).");

    private final String message;

    CollectionErrorCode(String message) {
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
