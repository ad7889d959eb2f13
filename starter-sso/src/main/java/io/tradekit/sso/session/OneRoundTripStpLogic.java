package io.tradekit.sso.session;

import cn.dev33.satoken.SaManager;
import cn.dev33.satoken.context.SaHolder;
import cn.dev33.satoken.context.model.SaStorage;
import cn.dev33.satoken.dao.SaTokenDao;
import cn.dev33.satoken.dao.SaTokenDaoForRedisTemplate;
import cn.dev33.satoken.stp.StpLogic;
import cn.dev33.satoken.strategy.SaStrategy;
import cn.dev33.satoken.util.SaTokenConsts;
import cn.dev33.satoken.util.SaValue2Box;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

import java.util.List;

/**
 * Sa-Token's {@link StpLogic} answering a request's login check with <b>one</b> Redis round trip: a
 * Lua script reads the token's login id and activity stamp and renews the stamp (same keys, values
 * and TTLs as Sa-Token writes), and the answer is kept for the rest of the request (Sa-Token's
 * per-request storage), so {@code checkLogin}, {@code getLoginId}, {@code isLogin} and
 * {@code checkPermission} of the same request do not read again.
 *
 * <p>Why: Sa-Token 1.44 reads the token twice and the stamp twice per logged-in request and renews
 * the stamp with {@code PTTL} + {@code SET} — six round trips, each a full client command, which was
 * most of the cost of a logged-in request. Nothing outlives the request: the next request reads
 * Redis again, so a logout, kick-out or freeze on any instance is seen at the next request.
 * Any write of this logic to the token's keys (login, logout, kick-out, renewal) drops the kept
 * answer first.
 *
 * <p>Only with Sa-Token's redis-template DAO (the starter's) on a standalone or sentinel Redis: the
 * token's two keys hash to different Cluster slots (Sa-Token's key layout, shared with every
 * application of the SSO, is kept), so on a Redis Cluster, or with any other DAO, the two reads go
 * to the DAO one by one and the renewal is Sa-Token's ({@code PTTL} + {@code SET}): still read once
 * per request.
 */
public class OneRoundTripStpLogic extends StpLogic {

    /** Request storage key of the kept {@link TokenState}. */
    static final String STATE_KEY = "tradekit.sso.token-state";

    static final String SCRIPT_TEXT = script();

    private static final RedisScript<List> READ_AND_RENEW = new DefaultRedisScript<>(SCRIPT_TEXT, List.class);

    /** Whether the DAO's connection factory talks to a Redis Cluster; learnt at the first read. */
    private volatile Boolean cluster;

    /** Where the script runs instead of the DAO's connection, or null. */
    private volatile TokenCheckScript checkScript;

    public OneRoundTripStpLogic(String loginType) {
        super(loginType);
    }

    /** Runs the check's script with {@code script} instead of on the DAO's connection (null: the DAO's). */
    public void setCheckScript(TokenCheckScript script) {
        this.checkScript = script;
    }

    /**
     * The login id and activity stamp of a token, read once per request: {@code loginId} is null for
     * an unknown token, {@code lastActive} null when there is no stamp; {@code now} is the clock the
     * idle check uses (the one the script renewed with), {@code renewed} whether the script renewed.
     */
    record TokenState(String token, String loginId, String lastActive, long now, boolean renewed) {
    }

    @Override
    public Object getLoginId() {
        // Read once and renew in the same trip; Sa-Token's own checks then find everything kept.
        if (!isSwitch()) {
            String token = getTokenValue();
            if (token != null && !token.isEmpty()) {
                state(token, wantsRenewal());
            }
        }
        return super.getLoginId();
    }

    @Override
    public String getLoginIdNotHandle(String tokenValue) {
        return state(tokenValue, false).loginId();
    }

    @Override
    public long getTokenLastActiveTime(String tokenValue) {
        if (tokenValue == null || tokenValue.isEmpty()) {
            return SaTokenDao.NOT_VALUE_EXPIRE;
        }
        String stamp = state(tokenValue, false).lastActive();
        return stamp == null ? SaTokenDao.NOT_VALUE_EXPIRE : new SaValue2Box(stamp).getValue1AsLong();
    }

    @Override
    public Long getTokenUseActiveTimeout(String tokenValue) {
        if (!getConfigOrGlobal().getDynamicActiveTimeout()) {
            return null;
        }
        return new SaValue2Box(state(tokenValue, false).lastActive()).getValue2AsLong(null);
    }

    /** Sa-Token's computation, on the clock of the read (the script decided renewal with the same). */
    @Override
    public long getTokenActiveTimeoutByToken(String tokenValue) {
        if (!isOpenCheckActiveTimeout()) {
            return SaTokenDao.NEVER_EXPIRE;
        }
        if (tokenValue == null || tokenValue.isEmpty()) {
            return SaTokenDao.NOT_VALUE_EXPIRE;
        }
        return activeTimeoutLeft(state(tokenValue, false));
    }

    /** One read also outside a web request (a Dubbo facade given a token): user and stamp together. */
    @Override
    public Object getLoginIdByToken(String tokenValue) {
        if (tokenValue == null || tokenValue.isEmpty()) {
            return null;
        }
        TokenState state = state(tokenValue, false);
        if (!isValidLoginId(state.loginId())) {
            return null;
        }
        return isOpenCheckActiveTimeout() && activeTimeoutLeft(state) == SaTokenDao.NOT_VALUE_EXPIRE
                ? null : state.loginId();
    }

    /** Seconds until the token freezes for inactivity, -1 never, -2 frozen or no stamp (Sa-Token's rule). */
    private long activeTimeoutLeft(TokenState state) {
        if (state.lastActive() == null) {
            return SaTokenDao.NOT_VALUE_EXPIRE;
        }
        SaValue2Box stamp = new SaValue2Box(state.lastActive());
        Long own = getConfigOrGlobal().getDynamicActiveTimeout() ? stamp.getValue2AsLong(null) : null;
        long allowed = own != null ? own : getConfigOrGlobal().getActiveTimeout();
        if (allowed == SaTokenDao.NEVER_EXPIRE) {
            return SaTokenDao.NEVER_EXPIRE;
        }
        long left = allowed - (state.now() - stamp.getValue1AsLong()) / 1000;
        return left < 0 ? SaTokenDao.NOT_VALUE_EXPIRE : left;
    }

    /** As Sa-Token's, but no second renewal when the read already renewed the stamp. */
    @Override
    public void checkActiveTimeoutByConfig(String tokenValue) {
        if (!isOpenCheckActiveTimeout()) {
            return;
        }
        SaHolder.getStorage().get(SaTokenConsts.TOKEN_ACTIVE_TIMEOUT_CHECKED_KEY, () -> {
            checkActiveTimeout(tokenValue);
            if (SaStrategy.instance.autoRenew.apply(this) && !state(tokenValue, false).renewed()) {
                updateLastActiveToNow(tokenValue);
            }
            return true;
        });
    }

    // Writes to the token's keys: the kept answer would be stale, drop it first.

    @Override
    public void saveTokenToIdMapping(String tokenValue, Object loginId, long timeout) {
        forget();
        super.saveTokenToIdMapping(tokenValue, loginId, timeout);
    }

    @Override
    public void updateTokenToIdMapping(String tokenValue, Object loginId) {
        forget();
        super.updateTokenToIdMapping(tokenValue, loginId);
    }

    @Override
    public void deleteTokenToIdMapping(String tokenValue) {
        forget();
        super.deleteTokenToIdMapping(tokenValue);
    }

    @Override
    protected void setLastActiveToNow(String tokenValue, Long activeTimeout, Long timeout) {
        forget();
        super.setLastActiveToNow(tokenValue, activeTimeout, timeout);
    }

    @Override
    public void updateLastActiveToNow(String tokenValue) {
        // Sa-Token reads the stamp for the dynamic timeout before writing: read fresh, then forget.
        forget();
        super.updateLastActiveToNow(tokenValue);
        forget();
    }

    @Override
    protected void clearLastActive(String tokenValue) {
        forget();
        super.clearLastActive(tokenValue);
    }

    /** Whether {@link #getLoginId()} will renew the stamp (Sa-Token's rule), unless done in this request. */
    private boolean wantsRenewal() {
        return isOpenCheckActiveTimeout() && SaStrategy.instance.autoRenew.apply(this)
                && SaHolder.getStorage().get(SaTokenConsts.TOKEN_ACTIVE_TIMEOUT_CHECKED_KEY) == null;
    }

    /** The kept state of {@code token} in this request, else one read (with renewal when asked). */
    TokenState state(String token, boolean renew) {
        SaStorage storage = SaManager.getSaTokenContext().isValid() ? SaHolder.getStorage() : null;
        if (storage != null && storage.get(STATE_KEY) instanceof TokenState kept && kept.token().equals(token)
                && (kept.renewed() || !renew)) {
            return kept;
        }
        TokenState read = read(token, renew);
        if (storage != null) {
            storage.set(STATE_KEY, read);
        }
        return read;
    }

    private void forget() {
        if (SaManager.getSaTokenContext().isValid()) {
            SaHolder.getStorage().delete(STATE_KEY);
        }
    }

    /**
     * Behind the session store's breaker when it has one ({@link BreakerSaTokenDao}): the read is one
     * guarded call, whichever client runs it, so a down Redis answers 503 at once.
     */
    private TokenState read(String token, boolean renew) {
        if (getSaTokenDao() instanceof BreakerSaTokenDao guarded) {
            return BreakerSaTokenDao.guard(guarded.breaker(), () -> read(guarded.delegate(), token, renew));
        }
        return read(getSaTokenDao(), token, renew);
    }

    private TokenState read(SaTokenDao store, String token, boolean renew) {
        long now = System.currentTimeMillis();
        String tokenKey = splicingKeyTokenValue(token);
        String stampKey = splicingKeyLastActiveTime(token);
        String[] args = {String.valueOf(now), String.valueOf(getConfigOrGlobal().getActiveTimeout()),
                getConfigOrGlobal().getDynamicActiveTimeout() ? "1" : "0", renew ? "1" : "0"};
        TokenCheckScript script = checkScript;
        List<?> answer;
        if (script != null) {
            answer = script.run(new String[] {tokenKey, stampKey}, args);
        } else if (store instanceof SaTokenDaoForRedisTemplate redis && !isCluster(redis)) {
            answer = redis.stringRedisTemplate.execute(READ_AND_RENEW, List.of(tokenKey, stampKey), (Object[]) args);
        } else {
            SaTokenDao dao = store;
            String loginId = dao.get(tokenKey);
            return new TokenState(token, loginId, loginId == null ? null : dao.get(stampKey), now, false);
        }
        if (answer == null || answer.isEmpty()) {
            return new TokenState(token, null, null, now, false);
        }
        String stamp = text(answer, 1);
        return new TokenState(token, text(answer, 0), stamp == null || stamp.isEmpty() ? null : stamp, now,
                "1".equals(text(answer, 2)));
    }

    private boolean isCluster(SaTokenDaoForRedisTemplate redis) {
        Boolean known = cluster;
        if (known == null) {
            try (RedisConnection connection = redis.stringRedisTemplate.getRequiredConnectionFactory().getConnection()) {
                known = connection instanceof RedisClusterConnection;
            }
            cluster = known;
        }
        return known;
    }

    private static String text(List<?> answer, int index) {
        if (answer.size() <= index || answer.get(index) == null) {
            return null;
        }
        Object value = answer.get(index);
        return value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : value.toString();
    }

    private static String script() {
        try (var in = new ClassPathResource("io/tradekit/sso/session/read-and-renew.lua",
                OneRoundTripStpLogic.class.getClassLoader()).getInputStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("read-and-renew.lua is part of the starter's jar", e);
        }
    }
}
