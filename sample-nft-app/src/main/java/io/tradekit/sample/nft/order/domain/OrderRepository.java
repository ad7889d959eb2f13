package io.tradekit.sample.nft.order.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Orders and their state flow. */
public interface OrderRepository {

    /**
     * Stores a new order with its first flow row ({@code action}: {@code ACCEPT} for a CREATING order,
     * {@code CREATE} for one the consumer writes); false when the id or identifier exists already.
     */
    boolean insert(Order order, String action);

    Optional<Order> findById(long id);

    /** The buyer's latest orders. */
    List<Order> findByBuyer(long buyerId, int limit);

    /**
     * Moves the order from {@code from} to {@code to} (conditional update) and appends the flow row;
     * false when the order was not in {@code from}.
     */
    boolean transit(long orderId, OrderState from, OrderState to, String action, Instant at, String payNo);

    /** CREATED orders created before {@code cutoff}, oldest first. */
    List<Order> findUnpaidBefore(Instant cutoff, int limit);
}
