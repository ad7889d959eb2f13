package io.tradekit.sample.nft.user.application;

import io.tradekit.core.log.Sensitive;
import io.tradekit.core.log.SensitiveType;
import java.io.Serializable;
import java.time.Instant;

/**
 * What a user sees of their own account (the ID number is never returned, only whether it is set).
 *
 * @param userId    the id
 * @param telephone the phone number
 * @param nickName  the display name
 * @param state     {@code INIT}, {@code AUTHENTICATED} or {@code FROZEN}
 * @param role      {@code CUSTOMER} or {@code ADMIN}
 * @param realName  the authenticated name, or {@code null}
 * @param createdAt when the account was registered
 */
public record UserView(Long userId, @Sensitive(type = SensitiveType.MOBILE) String telephone, String nickName,
                       String state, String role, @Sensitive(type = SensitiveType.NAME) String realName,
                       Instant createdAt) implements Serializable {
}
