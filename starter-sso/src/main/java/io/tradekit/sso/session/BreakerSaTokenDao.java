package io.tradekit.sso.session;

import cn.dev33.satoken.dao.SaTokenDao;
import cn.dev33.satoken.session.SaSession;
import io.tradekit.core.degrade.ServerBreaker;
import io.tradekit.core.degrade.ServerUnavailableException;
import io.tradekit.core.redis.RedisFaults;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Sa-Token's session store behind the application's Redis breaker: while Redis is down, a login,
 * logout, session or permission read fails at once with {@link ServerUnavailableException} (503 with
 * {@code Retry-After}) instead of each waiting for the client's timeout and ending as a 500. A Redis
 * fault becomes the same exception; any other outcome is the store's own.
 */
public class BreakerSaTokenDao implements SaTokenDao {

    private final SaTokenDao delegate;
    private final ServerBreaker breaker;

    public BreakerSaTokenDao(SaTokenDao delegate, ServerBreaker breaker) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
    }

    /** The store behind the breaker. */
    public SaTokenDao delegate() {
        return delegate;
    }

    /** The breaker guarding it. */
    public ServerBreaker breaker() {
        return breaker;
    }

    /** Runs one call to Redis through {@code breaker}: refused while open, a Redis fault rethrown as unavailable. */
    static <T> T guard(ServerBreaker breaker, Supplier<T> call) {
        try {
            return breaker.call(call::get, RedisFaults::isServerFault);
        } catch (ServerUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            if (RedisFaults.isServerFault(e)) {
                throw breaker.unavailable(e);
            }
            throw e;
        }
    }

    private <T> T guard(Supplier<T> call) {
        return guard(breaker, call);
    }

    private void run(Runnable call) {
        guard(breaker, () -> {
            call.run();
            return null;
        });
    }

    @Override
    public String get(String key) {
        return guard(() -> delegate.get(key));
    }

    @Override
    public void set(String key, String value, long timeout) {
        run(() -> delegate.set(key, value, timeout));
    }

    @Override
    public void update(String key, String value) {
        run(() -> delegate.update(key, value));
    }

    @Override
    public void delete(String key) {
        run(() -> delegate.delete(key));
    }

    @Override
    public long getTimeout(String key) {
        return guard(() -> delegate.getTimeout(key));
    }

    @Override
    public void updateTimeout(String key, long timeout) {
        run(() -> delegate.updateTimeout(key, timeout));
    }

    @Override
    public Object getObject(String key) {
        return guard(() -> delegate.getObject(key));
    }

    @Override
    public <T> T getObject(String key, Class<T> classType) {
        return guard(() -> delegate.getObject(key, classType));
    }

    @Override
    public void setObject(String key, Object object, long timeout) {
        run(() -> delegate.setObject(key, object, timeout));
    }

    @Override
    public void updateObject(String key, Object object) {
        run(() -> delegate.updateObject(key, object));
    }

    @Override
    public void deleteObject(String key) {
        run(() -> delegate.deleteObject(key));
    }

    @Override
    public long getObjectTimeout(String key) {
        return guard(() -> delegate.getObjectTimeout(key));
    }

    @Override
    public void updateObjectTimeout(String key, long timeout) {
        run(() -> delegate.updateObjectTimeout(key, timeout));
    }

    @Override
    public SaSession getSession(String sessionId) {
        return guard(() -> delegate.getSession(sessionId));
    }

    @Override
    public void setSession(SaSession session, long timeout) {
        run(() -> delegate.setSession(session, timeout));
    }

    @Override
    public void updateSession(SaSession session) {
        run(() -> delegate.updateSession(session));
    }

    @Override
    public void deleteSession(String sessionId) {
        run(() -> delegate.deleteSession(sessionId));
    }

    @Override
    public long getSessionTimeout(String sessionId) {
        return guard(() -> delegate.getSessionTimeout(sessionId));
    }

    @Override
    public void updateSessionTimeout(String sessionId, long timeout) {
        run(() -> delegate.updateSessionTimeout(sessionId, timeout));
    }

    @Override
    public List<String> searchData(String prefix, String keyword, int start, int size, boolean sortType) {
        return guard(() -> delegate.searchData(prefix, keyword, start, size, sortType));
    }

    @Override
    public void init() {
        delegate.init();
    }

    @Override
    public void destroy() {
        delegate.destroy();
    }
}
