package io.tradekit.sample.nft.user.application;

import com.alicp.jetcache.anno.CacheType;
import com.alicp.jetcache.anno.Cached;
import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.sample.nft.user.api.UserInfo;
import io.tradekit.sample.nft.user.domain.User;
import io.tradekit.sample.nft.user.domain.UserErrorCode;
import io.tradekit.sample.nft.user.domain.UserRepository;
import io.tradekit.sample.nft.user.domain.UserRole;
import org.springframework.stereotype.Service;

/**
 * Reads users: the cached view for pages, the fresh state for decisions (trading, admin checks),
 * so a stale cache entry can only show an old page, never let a frozen user buy.
 */
@Service
public class UserQueryService {

    /** The JetCache area of user views; invalidated by every user command. */
    public static final String CACHE = "sample:user:";

    private final UserRepository users;

    public UserQueryService(UserRepository users) {
        this.users = users;
    }

    /** The user's own view, cached in both levels. */
    @Cached(name = CACHE, key = "#userId", expire = 600, cacheType = CacheType.BOTH)
    public UserView view(long userId) {
        User user = load(userId);
        return new UserView(user.id(), user.telephone(), user.nickName(), user.state().name(), user.role().name(),
                user.realName(), user.createdAt());
    }

    /** The user's current state from the database. */
    public UserInfo fresh(long userId) {
        User user = load(userId);
        return new UserInfo(user.id(), user.telephone(), user.state().name(), user.realName() != null);
    }

    /** Refuses ({@code FORBIDDEN}) unless the session belongs to an active admin (read fresh). */
    public void requireAdmin(String loginId) {
        User user = users.findById(SessionUser.userId(loginId))
                .orElseThrow(() -> new BizException(CommonErrorCode.UNAUTHORIZED));
        if (user.role() != UserRole.ADMIN || !user.active()) {
            throw new BizException(CommonErrorCode.FORBIDDEN);
        }
    }

    private User load(long userId) {
        return users.findById(userId).orElseThrow(() -> new BizException(UserErrorCode.USER_NOT_FOUND));
    }
}
