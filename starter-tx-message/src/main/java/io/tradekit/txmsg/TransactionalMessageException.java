package io.tradekit.txmsg;

import io.tradekit.core.error.ErrorCode;
import io.tradekit.core.error.TradekitException;

/** Thrown when a transactional message is refused (bad input) or its half message cannot be sent. */
public class TransactionalMessageException extends TradekitException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with its code, message and optional cause. */
    public TransactionalMessageException(ErrorCode errorCode, String message, Throwable cause) {
        super(errorCode, message, cause);
    }
}
