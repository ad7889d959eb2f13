package io.tradekit.stock;

import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.error.SystemException;

/** Redis could not be asked (down, timed out, closed): the stock outcome is unknown, never assumed. */
public class StockUnavailableException extends SystemException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming no buyer or identifier
     * @param cause   the client's exception, or {@code null}
     */
    public StockUnavailableException(String message, Throwable cause) {
        super(CommonErrorCode.SERVICE_UNAVAILABLE, message, cause);
    }
}
