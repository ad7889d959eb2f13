package io.tradekit.sample.nft.user.application;

import com.alicp.jetcache.anno.CacheInvalidate;
import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.lock.DistributeLock;
import io.tradekit.sample.nft.shared.security.CurrentSession;
import io.tradekit.sample.nft.shared.security.PasswordHasher;
import io.tradekit.sample.nft.shared.throttle.LoginThrottle;
import io.tradekit.sample.nft.shared.validation.ResidentIdNumber;
import io.tradekit.sample.nft.user.domain.DuplicateTelephoneException;
import io.tradekit.sample.nft.user.domain.User;
import io.tradekit.sample.nft.user.domain.UserErrorCode;
import io.tradekit.sample.nft.user.domain.UserRepository;
import io.tradekit.sample.nft.user.domain.UserRole;
import io.tradekit.sample.nft.user.domain.UserState;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/** The user commands: register, login, authenticate, freeze. */
@Service
public class UserCommandService {

    private static final Pattern TELEPHONE = Pattern.compile("^1[3-9][0-9]{9}$");
    private static final int MIN_PASSWORD = 8;
    private static final int MAX_PASSWORD = 64;
    private static final int MAX_NAME = 32;

    /** The {@link LoginThrottle} scope of buyers' logins. */
    static final String THROTTLE_SCOPE = "user";

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final CurrentSession session;
    private final LoginThrottle throttle;

    public UserCommandService(UserRepository users, CurrentSession session, UserProperties properties,
                              LoginThrottle throttle) {
        this.users = users;
        this.session = session;
        this.hasher = new PasswordHasher(properties.getPasswordIterations());
        this.throttle = throttle;
    }

    /**
     * Registers a customer account for a phone number (never an admin: admins come from configuration,
     * {@link BootstrapAdmin}). The lock serialises attempts on one number across instances so the
     * friendly "taken" answer wins; the unique key catches whatever slips past.
     *
     * @return the new user's id
     */
    @DistributeLock(scene = "USER_REGISTER", keyExpression = "#telephone")
    public long register(String telephone, String password, String nickName) {
        requireTelephone(telephone);
        requirePassword(password);
        String nick = nickName == null || nickName.isBlank() ? "nft-" + telephone.substring(7) : nickName.strip();
        if (nick.length() > MAX_NAME || nick.chars().anyMatch(Character::isISOControl)) {
            throw invalid("nickName must be at most " + MAX_NAME + " printable characters");
        }
        if (users.findByTelephone(telephone).isPresent()) {
            throw new DuplicateTelephoneException();
        }
        return users.insert(new User(null, telephone, hasher.hash(password), nick, UserState.INIT, UserRole.CUSTOMER,
                null, null, Instant.now()));
    }

    /**
     * Checks the password and starts a session; the same answer for an unknown phone and a wrong
     * password. The check is reserved with the {@link LoginThrottle} first (per phone and per
     * {@code clientAddress}): a throttled attempt costs no hash and answers 429.
     */
    public String login(String telephone, String password, String clientAddress) {
        requireTelephone(telephone);
        if (password == null || password.isEmpty() || password.length() > MAX_PASSWORD) {
            throw new BizException(UserErrorCode.BAD_CREDENTIALS);
        }
        LoginThrottle.Attempt attempt = throttle.begin(THROTTLE_SCOPE, telephone, clientAddress);
        Optional<User> found = users.findByTelephone(telephone);
        // An unknown phone still costs one hash, so timing does not tell which phones have accounts.
        if (!hasher.matches(password, found.map(User::passwordHash).orElse(null))) {
            attempt.failed();
            throw new BizException(UserErrorCode.BAD_CREDENTIALS);
        }
        attempt.succeeded();
        User user = found.orElseThrow();
        if (!user.active()) {
            throw new BizException(UserErrorCode.USER_FROZEN);
        }
        return session.login(SessionUser.loginId(user.id()));
    }

    /** Real-name authentication of the user with a name and a GB 11643 ID number. */
    @CacheInvalidate(name = UserQueryService.CACHE, key = "#userId")
    public void authenticate(long userId, String realName, String idCardNo) {
        if (realName == null || realName.isBlank() || realName.strip().length() > MAX_NAME
                || realName.chars().anyMatch(c -> Character.isISOControl(c) || Character.isDigit(c))) {
            throw invalid("realName must be 1 to " + MAX_NAME + " letters");
        }
        // People type the check character in either case; the standard's is upper-case.
        String idNumber = idCardNo == null ? null : idCardNo.toUpperCase(java.util.Locale.ROOT);
        if (!ResidentIdNumber.isValid(idNumber)) {
            throw new BizException(UserErrorCode.ID_CARD_INVALID);
        }
        User user = users.findById(userId).orElseThrow(() -> new BizException(UserErrorCode.USER_NOT_FOUND));
        if (!user.active()) {
            throw new BizException(UserErrorCode.USER_FROZEN);
        }
        if (!users.authenticate(userId, realName.strip(), idNumber)) {
            throw new BizException(UserErrorCode.ALREADY_AUTHENTICATED);
        }
    }

    /** Freezes an account: no more logins, buys or payments. Idempotent. */
    @CacheInvalidate(name = UserQueryService.CACHE, key = "#userId")
    public void freeze(long userId) {
        users.findById(userId).orElseThrow(() -> new BizException(UserErrorCode.USER_NOT_FOUND));
        users.freeze(userId);
    }

    static void requireTelephone(String telephone) {
        if (telephone == null || !TELEPHONE.matcher(telephone).matches()) {
            throw invalid("telephone must be an 11-digit mainland mobile number");
        }
    }

    private static void requirePassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw invalid("password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
        }
    }

    private static BizException invalid(String message) {
        return new BizException(CommonErrorCode.PARAM_INVALID, message);
    }
}
