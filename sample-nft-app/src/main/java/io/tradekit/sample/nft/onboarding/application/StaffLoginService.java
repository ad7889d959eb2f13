package io.tradekit.sample.nft.onboarding.application;

import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.sample.nft.onboarding.domain.staff.Staff;
import io.tradekit.sample.nft.onboarding.domain.staff.StaffRepository;
import io.tradekit.sample.nft.shared.security.CurrentSession;
import io.tradekit.sample.nft.shared.security.PasswordHasher;
import io.tradekit.sample.nft.shared.throttle.LoginThrottle;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Branch staff login: verifies the password hash and starts a session for {@code "staff:<id>"}. */
@Service
public class StaffLoginService {

    /** The {@link LoginThrottle} scope of staff logins. */
    static final String THROTTLE_SCOPE = "staff";

    private final StaffRepository staff;
    private final CurrentSession session;
    private final LoginThrottle throttle;

    // The seeded staff rows (V602) were hashed with the default count.
    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS);

    public StaffLoginService(StaffRepository staff, CurrentSession session, LoginThrottle throttle) {
        this.staff = staff;
        this.session = session;
        this.throttle = throttle;
    }

    /**
     * A session token for the staff member, or {@code UNAUTHORIZED} whatever was wrong. The check is
     * reserved with the {@link LoginThrottle} first (per login name and per {@code clientAddress}).
     */
    public LoginResult login(String loginName, String password, String clientAddress) {
        if (loginName == null || loginName.isBlank() || loginName.length() > 64 || password == null
                || password.isEmpty() || password.length() > 128) {
            throw wrong();
        }
        LoginThrottle.Attempt attempt = throttle.begin(THROTTLE_SCOPE, loginName, clientAddress);
        Optional<Staff> found = staff.findByLoginName(loginName);
        // An unknown name still costs one hash, so timing does not tell which names exist.
        boolean ok = hasher.matches(password, found.map(Staff::passwordHash).orElse(null));
        if (!ok || found.isEmpty()) {
            attempt.failed();
            throw wrong();
        }
        attempt.succeeded();
        Staff member = found.get();
        String token = session.login(StaffContext.PREFIX + member.id());
        return new LoginResult(token, member.name(), member.branchCode(),
                member.roles().stream().map(Enum::name).sorted().toList());
    }

    private static BizException wrong() {
        return new BizException(CommonErrorCode.UNAUTHORIZED, "The login name or password is wrong.");
    }

    /** A started session. */
    public record LoginResult(String token, String name, String branchCode, List<String> roles) {
    }
}
