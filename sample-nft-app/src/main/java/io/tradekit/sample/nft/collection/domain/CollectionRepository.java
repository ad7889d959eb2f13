package io.tradekit.sample.nft.collection.domain;

import java.util.List;
import java.util.Optional;

/** Where collections and bookings live. */
public interface CollectionRepository {

    long insert(Collection collection);

    Optional<Collection> findById(long id);

    /** A page of collections, newest first. */
    List<Collection> list(int page, int size);

    /** INIT → ON_SALE; true when this call changed it. */
    boolean markOnSale(long id);

    /** Books the collection for the user; false when the user had booked it already. */
    boolean book(long collectionId, long userId);

    boolean hasBooked(long collectionId, long userId);
}
