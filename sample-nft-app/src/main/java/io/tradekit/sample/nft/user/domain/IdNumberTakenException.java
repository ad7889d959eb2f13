package io.tradekit.sample.nft.user.domain;

import io.tradekit.core.error.BizException;

/** The ID number is already bound to another account (the database's unique key said so). */
public class IdNumberTakenException extends BizException {

    private static final long serialVersionUID = 1L;

    public IdNumberTakenException() {
        super(UserErrorCode.ID_NUMBER_TAKEN);
    }
}
