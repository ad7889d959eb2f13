package io.tradekit.sso.autoconfigure;

import cn.dev33.satoken.SaManager;
import cn.dev33.satoken.dao.SaTokenDao;
import io.tradekit.core.degrade.ServerBreakers;
import io.tradekit.sso.session.BreakerSaTokenDao;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Puts the session store Sa-Token uses (the application's {@link SaTokenDao} bean, once Sa-Token has
 * picked it up) behind the application's {@code redis} breaker, so that while Redis is down logins and
 * login checks answer 503 at once instead of each waiting for the client's timeout.
 *
 * <p>Why not wrap the bean itself: the bean keeps its type ({@code SaTokenDaoForRedisTemplate}), which
 * applications and the starter's checks look up; only Sa-Token's own reference goes through the breaker.
 */
final class SessionStoreBreaker implements SmartInitializingSingleton {

    /** The breaker's server name: shared with the other Redis-backed starters. */
    static final String SERVER = "redis";

    private final ObjectProvider<ServerBreakers> breakers;
    private final ObjectProvider<SaTokenDao> daos;

    SessionStoreBreaker(ObjectProvider<ServerBreakers> breakers, ObjectProvider<SaTokenDao> daos) {
        this.breakers = breakers;
        this.daos = daos;
    }

    @Override
    public void afterSingletonsInstantiated() {
        ServerBreakers shared = breakers.getIfUnique();
        SaTokenDao bean = daos.getIfUnique();
        // Only the store Sa-Token took from this context (never its in-memory default).
        if (shared != null && bean != null && SaManager.getSaTokenDao() == bean) {
            SaManager.setSaTokenDao(new BreakerSaTokenDao(bean, shared.breaker(SERVER)));
        }
    }
}
