package io.tradekit.sso.autoconfigure;

import cn.dev33.satoken.dao.SaTokenDao;
import io.tradekit.core.degrade.ServerBreakers;
import io.tradekit.sso.session.BreakerSaTokenDao;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Puts Sa-Token's session store (any {@link SaTokenDao} bean, before Sa-Token picks it up) behind the
 * application's {@code redis} breaker, so that while Redis is down logins and login checks answer 503
 * at once instead of each waiting for the client's timeout.
 */
final class SessionStoreBreaker implements BeanPostProcessor {

    /** The breaker's server name: shared with the other Redis-backed starters. */
    static final String SERVER = "redis";

    private final ObjectProvider<ServerBreakers> breakers;

    SessionStoreBreaker(ObjectProvider<ServerBreakers> breakers) {
        this.breakers = breakers;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof SaTokenDao dao && !(bean instanceof BreakerSaTokenDao)) {
            ServerBreakers shared = breakers.getIfUnique();
            return shared == null ? bean : new BreakerSaTokenDao(dao, shared.breaker(SERVER));
        }
        return bean;
    }
}
