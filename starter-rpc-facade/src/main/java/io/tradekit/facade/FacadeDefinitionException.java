package io.tradekit.facade;

/**
 * Thrown at application start-up (or on the first call of a lazily created bean) when a
 * {@link Facade} method cannot be wrapped, for example because it does not return a concrete
 * {@link io.tradekit.core.response.BaseResponse}; the message names the method.
 */
public class FacadeDefinitionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the method
     * @param cause   the underlying failure, or {@code null}
     */
    public FacadeDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
