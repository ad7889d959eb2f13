package io.tradekit.txmsg;

import io.tradekit.txmsg.consumer.MessageContext;
import io.tradekit.txmsg.consumer.TransactionalMessageConsumer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.jdbc.core.JdbcTemplate;

/** The downstream transaction: writes the order row in the consumer's database. */
public class OrderConsumer extends TransactionalMessageConsumer<Deduct> {

    private final JdbcTemplate jdbc;
    final List<String> received = new CopyOnWriteArrayList<>();
    /** The trace id each delivery ran with, by order. */
    final java.util.Map<String, String> traces = new java.util.concurrent.ConcurrentHashMap<>();

    public OrderConsumer(String topic, String group, JdbcTemplate jdbc) {
        super(topic, group, Deduct.class);
        this.jdbc = jdbc;
    }

    @Override
    protected void consume(Deduct payload, MessageContext context) {
        received.add(payload.orderId());
        traces.put(payload.orderId(), String.valueOf(io.tradekit.core.trace.TraceId.current()));
        jdbc.update("INSERT INTO order_effect (order_id, quantity) VALUES (?, ?)", payload.orderId(), payload.quantity());
        if ("FAIL_AFTER_INSERT".equals(payload.mode()) && context.reconsumeTimes() == 0) {
            throw new IllegalStateException("simulated failure after the insert");
        }
    }

    int rows(String orderId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM order_effect WHERE order_id = ?", Integer.class, orderId);
        return n == null ? 0 : n;
    }
}
