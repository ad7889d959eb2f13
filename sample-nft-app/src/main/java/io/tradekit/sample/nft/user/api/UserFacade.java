package io.tradekit.sample.nft.user.api;

import io.tradekit.core.response.SingleResponse;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** What other contexts (and services) may ask about a user over Dubbo; implemented with {@code @Facade}. */
public interface UserFacade {

    /**
     * The user's current state, read from the database (never a cache: trading decisions rely on it).
     * Fails with {@code USER_NOT_FOUND} for an unknown id.
     */
    SingleResponse<UserInfo> query(@NotNull @Positive Long userId);
}
