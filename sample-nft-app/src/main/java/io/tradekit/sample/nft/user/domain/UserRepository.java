package io.tradekit.sample.nft.user.domain;

import java.util.Optional;

/** Where accounts live; implemented in the infrastructure over the database. */
public interface UserRepository {

    /** Stores a new account and returns its id; {@link DuplicateTelephoneException} when the phone is taken. */
    long insert(User user);

    Optional<User> findById(long id);

    Optional<User> findByTelephone(String telephone);

    /**
     * Records the real name unless the account is frozen or already authenticated; true when changed.
     * {@link IdNumberTakenException} when another account holds the ID number: one person, one account.
     */
    boolean authenticate(long id, String realName, String idCardNo);

    /** Freezes the account; true when it was not frozen before. */
    boolean freeze(long id);
}
