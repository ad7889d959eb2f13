package io.tradekit.sample.nft.user.domain;

import java.time.Instant;

/**
 * A registered account. Immutable: changes go through the {@link UserRepository}'s conditional updates.
 *
 * @param id           the id, {@code null} before it is stored
 * @param telephone    the login phone number
 * @param passwordHash the {@link io.tradekit.sample.nft.shared.security.PasswordHasher} hash
 * @param nickName     the display name
 * @param state        the life-cycle state
 * @param role         customer or admin
 * @param realName     the authenticated name, or {@code null}
 * @param idCardNo     the authenticated ID number, or {@code null}
 * @param createdAt    when it registered
 */
public record User(Long id, String telephone, String passwordHash, String nickName, UserState state, UserRole role,
                   String realName, String idCardNo, Instant createdAt) {

    /** Whether the account may log in and trade. */
    public boolean active() {
        return state != UserState.FROZEN;
    }
}
