package io.tradekit.sample.nft.collection.infrastructure;

import io.tradekit.sample.nft.collection.domain.Collection;
import io.tradekit.sample.nft.collection.domain.CollectionRepository;
import io.tradekit.sample.nft.collection.domain.CollectionState;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

/** {@link CollectionRepository} over {@code nft_collection} and {@code nft_collection_booking} (times in UTC). */
@Repository
class CollectionRepositoryImpl implements CollectionRepository {

    private final CollectionMapper mapper;

    CollectionRepositoryImpl(CollectionMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public long insert(Collection c) {
        CollectionDO row = new CollectionDO();
        row.setName(c.name());
        row.setCover(c.cover());
        row.setPrice(c.price());
        row.setQuantity(c.quantity());
        row.setSaleTime(LocalDateTime.ofInstant(c.saleTime(), ZoneOffset.UTC));
        row.setBookRequired(c.bookRequired());
        row.setState(c.state().name());
        LocalDateTime now = LocalDateTime.ofInstant(c.createdAt(), ZoneOffset.UTC);
        row.setCreatedAt(now);
        row.setUpdatedAt(now);
        mapper.insert(row);
        return row.getId();
    }

    @Override
    public Optional<Collection> findById(long id) {
        return Optional.ofNullable(mapper.selectById(id)).map(CollectionRepositoryImpl::toCollection);
    }

    @Override
    public List<Collection> list(int page, int size) {
        return mapper.page((page - 1) * size, size).stream().map(CollectionRepositoryImpl::toCollection).toList();
    }

    @Override
    public boolean markOnSale(long id) {
        return mapper.markOnSale(id) == 1;
    }

    @Override
    public boolean book(long collectionId, long userId) {
        try {
            return mapper.book(collectionId, userId) == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public boolean hasBooked(long collectionId, long userId) {
        return mapper.booked(collectionId, userId) > 0;
    }

    private static Collection toCollection(CollectionDO r) {
        return new Collection(r.getId(), r.getName(), r.getCover(), r.getPrice(), r.getQuantity(),
                r.getSaleTime().toInstant(ZoneOffset.UTC), Boolean.TRUE.equals(r.getBookRequired()),
                CollectionState.valueOf(r.getState()), r.getCreatedAt().toInstant(ZoneOffset.UTC));
    }
}
