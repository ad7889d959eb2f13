package io.tradekit.sample.nft.order.infrastructure;

import io.tradekit.sample.nft.order.domain.Order;
import io.tradekit.sample.nft.order.domain.OrderRepository;
import io.tradekit.sample.nft.order.domain.OrderState;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link OrderRepository} over {@code nft_order} and {@code nft_order_flow}. A row and its flow row are
 * written together: in the caller's transaction, or in their own when the caller has none (the buy's
 * local transaction).
 */
@Repository
class OrderRepositoryImpl implements OrderRepository {

    private final OrderMapper mapper;

    OrderRepositoryImpl(OrderMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    @Transactional
    public boolean insert(Order o, String action) {
        OrderDO row = new OrderDO();
        row.setId(o.id());
        row.setBuyerId(o.buyerId());
        row.setCollectionId(o.collectionId());
        row.setCollectionName(o.collectionName());
        row.setQuantity(o.quantity());
        row.setUnitPrice(o.unitPrice());
        row.setAmount(o.amount());
        row.setIdentifier(o.identifier());
        row.setState(o.state().name());
        row.setBuyTraceId(o.buyTraceId());
        row.setCreatedAt(utc(o.createdAt()));
        try {
            mapper.insert(row);
        } catch (DuplicateKeyException e) {
            return false;
        }
        mapper.flow(o.id(), null, o.state().name(), action, utc(o.createdAt()));
        return true;
    }

    @Override
    public Optional<Order> findById(long id) {
        return Optional.ofNullable(mapper.selectById(id)).map(OrderRepositoryImpl::toOrder);
    }

    @Override
    public List<Order> findByBuyer(long buyerId, int limit) {
        return mapper.byBuyer(buyerId, limit).stream().map(OrderRepositoryImpl::toOrder).toList();
    }

    @Override
    @Transactional
    public boolean transit(long orderId, OrderState from, OrderState to, String action, Instant at, String payNo) {
        if (mapper.transit(orderId, from.name(), to.name(), utc(at), payNo) != 1) {
            return false;
        }
        mapper.flow(orderId, from.name(), to.name(), action, utc(at));
        return true;
    }

    @Override
    public List<Order> findUnpaidBefore(Instant cutoff, int limit) {
        return mapper.unpaidBefore(utc(cutoff), limit).stream().map(OrderRepositoryImpl::toOrder).toList();
    }

    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    private static Order toOrder(OrderDO r) {
        return new Order(r.getId(), r.getBuyerId(), r.getCollectionId(), r.getCollectionName(), r.getQuantity(),
                r.getUnitPrice(), r.getAmount(), r.getIdentifier(), OrderState.valueOf(r.getState()), r.getPayNo(),
                instant(r.getCreatedAt()), instant(r.getPaidAt()), r.getBuyTraceId());
    }
}
