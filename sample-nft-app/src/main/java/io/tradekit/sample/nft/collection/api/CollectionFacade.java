package io.tradekit.sample.nft.collection.api;

import io.tradekit.core.response.SingleResponse;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** What other contexts may ask about collections over Dubbo; never answered from a cache. */
public interface CollectionFacade {

    /**
     * The collection's current sale facts; {@code COLLECTION_NOT_FOUND} for an unknown id. An {@code ON_SALE}
     * answer is final: a collection's facts are fixed at creation and its state only goes INIT → ON_SALE, so
     * a caller may keep such an answer (the order context does: {@code OnSaleGoods}).
     */
    SingleResponse<GoodsInfo> queryGoods(@NotNull @Positive Long collectionId);

    /** Whether the user booked the collection. */
    SingleResponse<Boolean> hasBooked(@NotNull @Positive Long collectionId, @NotNull @Positive Long userId);
}
