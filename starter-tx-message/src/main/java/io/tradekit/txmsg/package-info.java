/**
 * tradekit txmsg: RocketMQ transactional messages (half message, local transaction, check-back)
 * sent through {@link io.tradekit.txmsg.TransactionalMessageTemplate} and dispatched by scene to
 * {@link io.tradekit.txmsg.LocalTransactionHandler} beans.
 */
package io.tradekit.txmsg;
