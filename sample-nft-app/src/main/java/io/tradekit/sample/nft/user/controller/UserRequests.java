package io.tradekit.sample.nft.user.controller;

import io.tradekit.core.log.Sensitive;
import io.tradekit.core.log.SensitiveType;

/** Request bodies of the user endpoints; sensitive fields are masked wherever a request is logged. */
final class UserRequests {

    private UserRequests() {
    }

    /** Register a phone number. */
    record Register(@Sensitive(type = SensitiveType.MOBILE) String telephone,
                    @Sensitive(type = SensitiveType.SECRET) String password, String nickName) {
    }

    /** Log in with phone number and password. */
    record Login(@Sensitive(type = SensitiveType.MOBILE) String telephone,
                 @Sensitive(type = SensitiveType.SECRET) String password) {
    }

    /** Real-name authentication. */
    record RealName(@Sensitive(type = SensitiveType.NAME) String realName,
                    @Sensitive(type = SensitiveType.ID_CARD) String idCardNo) {
    }
}
