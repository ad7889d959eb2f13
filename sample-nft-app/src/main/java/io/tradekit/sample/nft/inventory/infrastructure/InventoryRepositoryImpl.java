package io.tradekit.sample.nft.inventory.infrastructure;

import io.tradekit.sample.nft.inventory.domain.FlowType;
import io.tradekit.sample.nft.inventory.domain.InventoryFlow;
import io.tradekit.sample.nft.inventory.domain.InventoryRepository;
import java.util.List;
import java.util.OptionalInt;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

/** {@link InventoryRepository} over {@code nft_inventory} and {@code nft_inventory_flow}. */
@Repository
class InventoryRepositoryImpl implements InventoryRepository {

    private final InventoryMapper mapper;

    InventoryRepositoryImpl(InventoryMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean initIfAbsent(long collectionId, int total) {
        try {
            return mapper.insert(collectionId, total) == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public boolean deduct(long collectionId, int quantity) {
        return mapper.deduct(collectionId, quantity) == 1;
    }

    @Override
    public boolean restore(long collectionId, int quantity) {
        return mapper.restore(collectionId, quantity) == 1;
    }

    @Override
    public boolean appendFlow(InventoryFlow flow) {
        InventoryMapper.FlowRow row = new InventoryMapper.FlowRow();
        row.setCollectionId(flow.collectionId());
        row.setOrderId(flow.orderId());
        row.setBuyerId(flow.buyerId() == 0 ? null : flow.buyerId());
        row.setIdentifier(flow.identifier());
        row.setType(flow.type().name());
        row.setQuantity(flow.quantity());
        try {
            return mapper.insertFlow(row) == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public OptionalInt stock(long collectionId) {
        Integer stock = mapper.stock(collectionId);
        return stock == null ? OptionalInt.empty() : OptionalInt.of(stock);
    }

    @Override
    public OptionalInt total(long collectionId) {
        Integer total = mapper.total(collectionId);
        return total == null ? OptionalInt.empty() : OptionalInt.of(total);
    }

    @Override
    public List<InventoryFlow> flows(long collectionId) {
        return mapper.flows(collectionId).stream()
                .map(r -> new InventoryFlow(r.getCollectionId(), r.getOrderId(),
                        r.getBuyerId() == null ? 0 : r.getBuyerId(), r.getIdentifier(),
                        FlowType.valueOf(r.getType()), r.getQuantity()))
                .toList();
    }

    @Override
    public List<Long> collections() {
        return mapper.collections();
    }
}
