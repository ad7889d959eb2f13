package io.tradekit.sample.nft.shared.security;

import java.util.Set;

/**
 * The roles of one kind of account, answered by the context that owns those accounts (buyers by
 * user, branch staff by onboarding), so route rules in {@code tradekit.sso.routes} can check roles
 * without this package knowing any context.
 */
public interface AccountRoles {

    /** The login-id prefix of the accounts this source answers for, e.g. {@code "user:"}. */
    String loginIdPrefix();

    /** The roles of the account with that id (the part after the prefix); empty when unknown. */
    Set<String> roles(long accountId);
}
