package io.tradekit.facade;

/**
 * Thrown at application start-up (or on the first call of a bean whose type was unknown until
 * then) when a {@link Facade} method cannot take effect: it does not return a concrete
 * {@link io.tradekit.core.response.BaseResponse}, no proxy can intercept it, or Jakarta Validation
 * is missing; the message names the method and what to change.
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
