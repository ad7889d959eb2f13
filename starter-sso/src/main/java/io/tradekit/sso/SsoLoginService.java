package io.tradekit.sso;

import cn.dev33.satoken.SaManager;
import cn.dev33.satoken.context.SaHolder;
import cn.dev33.satoken.session.SaSession;
import cn.dev33.satoken.stp.StpUtil;
import io.tradekit.core.log.Masking;
import io.tradekit.core.log.SensitiveType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.regex.Pattern;

/**
 * Login, logout and "who is this" for applications: the only place a token is minted. The user id
 * comes from the application's own authentication (password check, SSO ticket), never from the
 * request; tokens and sessions live in Redis and every instance sees them.
 *
 * <pre>{@code
 * String token = ssoLoginService.login(user.getId());   // after the password matched
 * String userId = ssoLoginService.currentUserId();        // in any later request, on any instance
 * }</pre>
 *
 * <p>Permissions come from the {@link PermissionProvider}; route rules from {@link SsoRoute}s.
 */
public class SsoLoginService {

    /** Session keys under which the {@link PermissionProvider} answers are cached. */
    public static final String PERMISSIONS_KEY = "tradekit:permissions";
    public static final String ROLES_KEY = "tradekit:roles";

    private static final Logger log = LoggerFactory.getLogger(SsoLoginService.class);
    /**
     * Namespaced ids ({@code user:42}, {@code staff:7}) let several kinds of account share one session
     * store; a colon only between segments, never a wildcard or a space.
     */
    private static final Pattern USER_ID = Pattern.compile("(?=.{1,64}$)[A-Za-z0-9_.\\-]+(:[A-Za-z0-9_.\\-]+)*");
    private static final int MAX_TOKEN_LENGTH = 256;

    /**
     * Logs the user in with a new token (never a token of an earlier login). In a web request the
     * token is also written as an HttpOnly cookie ({@code Secure} when the request is) and the answer
     * marked {@code Cache-Control: no-store}; outside one (Dubbo, jobs) the token is only returned.
     *
     * @param userId 1–64 characters of {@code [A-Za-z0-9_.-]}, segments joined by {@code :}
     * @return the new token
     */
    public String login(String userId) {
        checkUserId(userId);
        String token;
        if (SaManager.getSaTokenContext().isValid()) {
            StpUtil.login(userId);
            token = StpUtil.getTokenValue();
            // The answer carries the token (cookie, and usually the body): never stored by a cache.
            SaHolder.getResponse().setHeader("Cache-Control", "no-store");
        } else {
            token = StpUtil.createLoginSession(userId);
        }
        log.debug("login user={}", Masking.mask(userId, SensitiveType.SECRET));
        return token;
    }

    /** Logs out the token of the current request (nothing when there is none). */
    public void logout() {
        StpUtil.logout();
    }

    /** Logs out one token, e.g. one presented to a Dubbo facade; unknown or malformed tokens are ignored. */
    public void logoutToken(String token) {
        if (isPlausibleToken(token)) {
            StpUtil.logoutByTokenValue(token);
        }
    }

    /**
     * Kicks the user out: every token of the user stops working and answers "kicked out"
     * ({@code 401}) instead of "not logged in", so a client can tell the user why.
     */
    public void kickout(String userId) {
        checkUserId(userId);
        StpUtil.kickout(userId);
    }

    /** Logs the user out on every device and every application sharing the Redis. */
    public void logoutEverywhere(String userId) {
        checkUserId(userId);
        StpUtil.logout(userId);
    }

    /**
     * The user id of the current request's token.
     *
     * @throws cn.dev33.satoken.exception.NotLoginException when the request has no valid token
     *         (answered with {@code 401 UNAUTHORIZED})
     */
    public String currentUserId() {
        return StpUtil.getLoginIdAsString();
    }

    /** The user id of the current request's token, or null. */
    public String currentUserIdOrNull() {
        Object id = StpUtil.getLoginIdDefaultNull();
        return id == null ? null : id.toString();
    }

    /** The user id a token belongs to, or null when it is unknown, expired, kicked out or malformed. */
    public String userIdOf(String token) {
        if (!isPlausibleToken(token)) {
            return null;
        }
        Object id = StpUtil.getLoginIdByToken(token);
        return id == null ? null : id.toString();
    }

    /** Forgets the cached permissions and roles of the user: the next check asks the {@link PermissionProvider}. */
    public void refreshPermissions(String userId) {
        checkUserId(userId);
        SaSession session = StpUtil.getSessionByLoginId(userId, false);
        if (session != null) {
            session.delete(PERMISSIONS_KEY);
            session.delete(ROLES_KEY);
        }
    }

    static void checkUserId(String userId) {
        if (userId == null || !USER_ID.matcher(userId).matches()) {
            throw new IllegalArgumentException("user id must be 1-64 characters of [A-Za-z0-9_.-], segments joined by ':'");
        }
    }

    private static boolean isPlausibleToken(String token) {
        return token != null && !token.isEmpty() && token.length() <= MAX_TOKEN_LENGTH
                && token.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
