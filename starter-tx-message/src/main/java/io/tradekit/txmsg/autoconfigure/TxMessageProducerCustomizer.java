package io.tradekit.txmsg.autoconfigure;

import org.apache.rocketmq.client.producer.TransactionMQProducer;

/**
 * Callback that adjusts the starter's {@link TransactionMQProducer} after the {@code tradekit.txmsg.*}
 * settings are applied and before it starts, like Spring Boot's {@code XxxCustomizer} hooks: e.g.
 * an ACL {@code RPCHook}, a namespace, TLS, compression, retries. Declare beans of this type; they run
 * in {@link org.springframework.core.Ordered} order.
 *
 * <pre>{@code
 * @Bean
 * TxMessageProducerCustomizer compressLargeBodies() {
 *     return producer -> producer.setCompressMsgBodyOverHowmuch(8 * 1024);
 * }
 * }</pre>
 *
 * <p>The transaction listener is the starter's (it dispatches to the {@code LocalTransactionHandler}
 * beans): a customizer that replaces it fails the start-up.
 */
@FunctionalInterface
public interface TxMessageProducerCustomizer {

    /** Customizes the producer; it is not started yet. */
    void customize(TransactionMQProducer producer);
}
