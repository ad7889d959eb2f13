package io.tradekit.devservices;

/**
 * Thrown when a dev service cannot start; the message says which server, why, and what to do.
 *
 * <p>Raised by {@link DevServices} and the server classes it starts, so that a developer who
 * runs the sample app or a test on a machine that lacks something reads one actionable line
 * instead of a stack of Netty or process errors.
 */
public class DevServiceStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DevServiceStartException(String message) {
        super(message);
    }

    public DevServiceStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
