package io.tradekit.sample.nft.onboarding.application;

import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.sample.nft.onboarding.domain.staff.Staff;
import io.tradekit.sample.nft.onboarding.domain.staff.StaffRepository;
import io.tradekit.sample.nft.shared.security.CurrentSession;
import io.tradekit.sample.nft.shared.security.PasswordHasher;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Branch staff login: verifies the password hash and starts a session for {@code "staff:<id>"}. */
@Service
public class StaffLoginService {

    private final StaffRepository staff;
    private final CurrentSession session;

    // The seeded staff rows (V602) were hashed with the default count.
    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS);

    public StaffLoginService(StaffRepository staff, CurrentSession session) {
        this.staff = staff;
        this.session = session;
    }

    /** A session token for the staff member, or {@code BAD_CREDENTIALS} whatever was wrong. */
    public LoginResult login(String loginName, String password) {
        Optional<Staff> found = loginName == null || loginName.length() > 64 ? Optional.empty()
                : staff.findByLoginName(loginName);
        // An unknown name still costs one hash, so timing does not tell which names exist.
        boolean ok = hasher.matches(password, found.map(Staff::passwordHash).orElse(null));
        if (!ok || found.isEmpty()) {
            throw new BizException(CommonErrorCode.UNAUTHORIZED, "The login name or password is wrong.");
        }
        Staff member = found.get();
        String token = session.login(StaffContext.PREFIX + member.id());
        return new LoginResult(token, member.name(), member.branchCode(),
                member.roles().stream().map(Enum::name).sorted().toList());
    }

    /** A started session. */
    public record LoginResult(String token, String name, String branchCode, List<String> roles) {
    }
}
