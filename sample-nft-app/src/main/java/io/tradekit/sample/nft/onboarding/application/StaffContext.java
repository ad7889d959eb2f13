package io.tradekit.sample.nft.onboarding.application;

import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.sample.nft.onboarding.domain.OnboardingApplication;
import io.tradekit.sample.nft.onboarding.domain.staff.Staff;
import io.tradekit.sample.nft.onboarding.domain.staff.StaffRepository;
import io.tradekit.sample.nft.onboarding.domain.staff.StaffRole;
import io.tradekit.sample.nft.shared.security.CurrentSession;
import org.springframework.stereotype.Component;

/**
 * The one place that decides who the calling staff member is and what they may touch: role checks
 * and the own-branch rule. When the SSO starter's route permissions arrive, the role checks can
 * move there; the branch rule stays here because it depends on the application's data.
 */
@Component
public class StaffContext {

    /** Login ids of branch staff: {@code "staff:<id>"}. */
    static final String PREFIX = "staff:";

    private final CurrentSession session;
    private final StaffRepository staff;

    public StaffContext(CurrentSession session, StaffRepository staff) {
        this.session = session;
        this.staff = staff;
    }

    /** The calling staff member, or {@code UNAUTHORIZED} (no session) / {@code FORBIDDEN} (not staff). */
    public Staff current() {
        String loginId = session.requireLoginId();
        if (!loginId.startsWith(PREFIX)) {
            throw new BizException(CommonErrorCode.FORBIDDEN, "branch staff only");
        }
        long id;
        try {
            id = Long.parseLong(loginId.substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            throw new BizException(CommonErrorCode.FORBIDDEN, "branch staff only");
        }
        return staff.find(id).orElseThrow(() -> new BizException(CommonErrorCode.UNAUTHORIZED));
    }

    /** The calling staff member if they have {@code role}, else {@code FORBIDDEN}. */
    public Staff require(StaffRole role) {
        Staff current = current();
        if (!current.has(role)) {
            throw new BizException(CommonErrorCode.FORBIDDEN, "role " + role + " required");
        }
        return current;
    }

    /** An officer of the application's own branch, else {@code FORBIDDEN}. */
    public Staff requireOfficerOf(OnboardingApplication application) {
        Staff officer = require(StaffRole.OFFICER);
        if (!officer.branchCode().equals(application.branchCode())) {
            throw new BizException(CommonErrorCode.FORBIDDEN, "the application belongs to another branch");
        }
        return officer;
    }

    /** The audit name of a staff member: login name, never a secret. */
    static String actor(Staff staff) {
        return PREFIX + staff.id() + "(" + staff.loginName() + ")";
    }
}
