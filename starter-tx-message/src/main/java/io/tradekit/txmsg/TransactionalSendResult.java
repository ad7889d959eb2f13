package io.tradekit.txmsg;

import org.apache.rocketmq.client.producer.SendStatus;

/**
 * What happened to one transactional send: the half message's send status and ids, and the outcome
 * of the local transaction reported to the broker.
 *
 * @param sendStatus       status of the half message send
 * @param msgId            the message id (client-side unique key)
 * @param transactionId    the broker transaction id
 * @param messageKey       the message key consumers deduplicate on
 * @param localOutcome     what the local transaction reported (UNKNOWN means the check-back decides)
 * @param localFailure     the exception thrown by the local transaction, or {@code null}
 */
public record TransactionalSendResult(SendStatus sendStatus, String msgId, String transactionId,
                                      String messageKey, TransactionOutcome localOutcome, Throwable localFailure) {

    /** True when the local transaction committed and the message will reach consumers. */
    public boolean committed() {
        return localOutcome == TransactionOutcome.COMMIT;
    }
}
