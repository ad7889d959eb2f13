package io.tradekit.sample.nft.onboarding.infrastructure;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import io.tradekit.sample.nft.onboarding.domain.staff.Staff;
import io.tradekit.sample.nft.onboarding.domain.staff.StaffRepository;
import io.tradekit.sample.nft.onboarding.domain.staff.StaffRole;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Repository;

/** {@link StaffRepository} on the {@code onb_staff} table. */
@Repository
class StaffRepositoryImpl implements StaffRepository {

    private final StaffMapper mapper;

    StaffRepositoryImpl(StaffMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Optional<Staff> find(long id) {
        return Optional.ofNullable(mapper.selectById(id)).map(StaffRepositoryImpl::toStaff);
    }

    @Override
    public Optional<Staff> findByLoginName(String loginName) {
        return Optional.ofNullable(mapper.selectOne(new QueryWrapper<StaffDO>().eq("login_name", loginName)))
                .map(StaffRepositoryImpl::toStaff);
    }

    private static Staff toStaff(StaffDO r) {
        return new Staff(r.getId(), r.getLoginName(), r.getName(), r.getBranchCode(),
                Arrays.stream(r.getRoles().split(",")).map(String::trim).map(StaffRole::valueOf)
                        .collect(Collectors.toSet()), r.getPasswordHash());
    }
}
