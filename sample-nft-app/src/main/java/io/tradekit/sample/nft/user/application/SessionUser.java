package io.tradekit.sample.nft.user.application;

import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;

/** The {@code "user:<id>"} login ids of buyers in the shared session store. */
public final class SessionUser {

    /** The namespace of buyer sessions. */
    public static final String PREFIX = "user:";

    private SessionUser() {
    }

    /** The login id of a user. */
    public static String loginId(long userId) {
        return PREFIX + userId;
    }

    /** The user id of a buyer's login id, or {@code UNAUTHORIZED} for any other login id. */
    public static long userId(String loginId) {
        if (loginId == null || !loginId.startsWith(PREFIX) || loginId.length() > PREFIX.length() + 19) {
            throw new BizException(CommonErrorCode.UNAUTHORIZED);
        }
        try {
            return Long.parseLong(loginId.substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            throw new BizException(CommonErrorCode.UNAUTHORIZED);
        }
    }
}
