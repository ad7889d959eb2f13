package io.tradekit.sample.nft.user.infrastructure;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import io.tradekit.sample.nft.user.domain.DuplicateTelephoneException;
import io.tradekit.sample.nft.user.domain.IdNumberTakenException;
import io.tradekit.sample.nft.user.domain.User;
import io.tradekit.sample.nft.user.domain.UserRepository;
import io.tradekit.sample.nft.user.domain.UserRole;
import io.tradekit.sample.nft.user.domain.UserState;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

/** {@link UserRepository} over {@code nft_user}. */
@Repository
class UserRepositoryImpl implements UserRepository {

    private final UserMapper mapper;
    private final IdNumberFingerprint fingerprint;

    UserRepositoryImpl(UserMapper mapper, IdNumberFingerprint fingerprint) {
        this.mapper = mapper;
        this.fingerprint = fingerprint;
    }

    @Override
    public long insert(User user) {
        UserDO row = new UserDO();
        row.setTelephone(user.telephone());
        row.setPasswordHash(user.passwordHash());
        row.setNickName(user.nickName());
        row.setState(user.state().name());
        row.setRole(user.role().name());
        LocalDateTime now = LocalDateTime.ofInstant(user.createdAt(), ZoneOffset.UTC);
        row.setCreatedAt(now);
        row.setUpdatedAt(now);
        try {
            mapper.insert(row);
        } catch (DuplicateKeyException e) {
            throw new DuplicateTelephoneException();
        }
        return row.getId();
    }

    @Override
    public Optional<User> findById(long id) {
        return Optional.ofNullable(mapper.selectById(id)).map(UserRepositoryImpl::toUser);
    }

    @Override
    public Optional<User> findByTelephone(String telephone) {
        return Optional.ofNullable(mapper.selectOne(new LambdaQueryWrapper<UserDO>().eq(UserDO::getTelephone, telephone)))
                .map(UserRepositoryImpl::toUser);
    }

    @Override
    public boolean authenticate(long id, String realName, String idCardNo) {
        try {
            return mapper.authenticate(id, realName, idCardNo, fingerprint.of(idCardNo)) == 1;
        } catch (DuplicateKeyException e) {
            // Not logged: the message carries the statement's values. Which account holds it is not told.
            throw new IdNumberTakenException();
        }
    }

    @Override
    public boolean freeze(long id) {
        return mapper.freeze(id) == 1;
    }

    private static User toUser(UserDO row) {
        return new User(row.getId(), row.getTelephone(), row.getPasswordHash(), row.getNickName(),
                UserState.valueOf(row.getState()), UserRole.valueOf(row.getRole()), row.getRealName(),
                row.getIdCardNo(), row.getCreatedAt().toInstant(ZoneOffset.UTC));
    }
}
