package io.tradekit.cache.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.ClassUtils;

/**
 * Runs a cache operation after the current Spring transaction commits, never if it rolls back;
 * at once when no transaction synchronization is active (or spring-tx is absent).
 *
 * <p>The operation hangs on {@code afterCompletion(STATUS_COMMITTED)}, not {@code afterCommit}:
 * Spring reads the synchronization list again for the completion callbacks, so an operation
 * deferred from inside another synchronization's {@code afterCommit} (a common place to invalidate)
 * still runs; one hung on {@code afterCommit} there would be silently dropped.
 */
final class AfterCommit {

    private static final Logger log = LoggerFactory.getLogger(AfterCommit.class);

    private static final boolean TX_PRESENT = ClassUtils.isPresent(
            "org.springframework.transaction.support.TransactionSynchronizationManager", AfterCommit.class.getClassLoader());

    private AfterCommit() {
    }

    /** Whether {@code operation} was deferred (true) or must run now (false). */
    static boolean defer(Runnable operation) {
        if (!TX_PRESENT || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return false;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    return;
                }
                try {
                    operation.run();
                } catch (RuntimeException e) {
                    // The transaction has committed; the caller must not see a cache failure as its own.
                    log.warn("tradekit cache: operation after commit failed: {}", e.toString());
                }
            }
        });
        return true;
    }
}
