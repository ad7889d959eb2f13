package io.tradekit.sample.nft.user.domain;

import io.tradekit.core.error.BizException;

/** The phone number already has an account (the database's unique key said so). */
public class DuplicateTelephoneException extends BizException {

    private static final long serialVersionUID = 1L;

    public DuplicateTelephoneException() {
        super(UserErrorCode.TELEPHONE_TAKEN);
    }
}
