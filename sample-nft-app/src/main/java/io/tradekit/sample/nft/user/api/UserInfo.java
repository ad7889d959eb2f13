package io.tradekit.sample.nft.user.api;

import io.tradekit.core.log.Sensitive;
import io.tradekit.core.log.SensitiveType;
import java.io.Serializable;

/**
 * A user as other contexts see it.
 *
 * @param userId       the id
 * @param telephone    the phone number (masked in logs)
 * @param state        {@code INIT}, {@code AUTHENTICATED} or {@code FROZEN}
 * @param realNameDone whether real-name authentication succeeded
 */
public record UserInfo(Long userId, @Sensitive(type = SensitiveType.MOBILE) String telephone, String state,
                       boolean realNameDone) implements Serializable {
}
