package io.tradekit.sample.nft.onboarding.domain.staff;

import java.util.Optional;

/** Port: the branch staff directory. */
public interface StaffRepository {

    Optional<Staff> find(long id);

    Optional<Staff> findByLoginName(String loginName);
}
