package io.tradekit.sample.nft.collection.api;

/** {@link CollectionFacade}'s answers that are a refusal about the asked collection, not a failure of the call. */
public enum CollectionRefusal {

    /** No collection has the id (the collection context's {@code CollectionErrorCode.COLLECTION_NOT_FOUND}). */
    COLLECTION_NOT_FOUND;

    /** Whether a failed response's code is this refusal. */
    public boolean is(String code) {
        return name().equals(code);
    }
}
