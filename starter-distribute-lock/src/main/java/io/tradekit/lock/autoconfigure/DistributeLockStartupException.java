package io.tradekit.lock.autoconfigure;

/**
 * A start-up failure of the lock starter: what is wrong (naming the method or bean) and what to
 * do, kept apart so that {@link DistributeLockFailureAnalyzer} can show them as Spring Boot's
 * "Description" and "Action".
 */
final class DistributeLockStartupException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String description;
    private final String action;

    DistributeLockStartupException(String description, String action) {
        super(description + " Action: " + action);
        this.description = description;
        this.action = action;
    }

    String description() {
        return description;
    }

    String action() {
        return action;
    }
}
