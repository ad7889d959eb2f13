package io.tradekit.sample.nft.onboarding.infrastructure;

import io.tradekit.sample.nft.onboarding.application.StaffContext;
import io.tradekit.sample.nft.onboarding.domain.staff.Staff;
import io.tradekit.sample.nft.onboarding.domain.staff.StaffRole;
import io.tradekit.sample.nft.parameter.api.ParameterAdminResolver;
import org.springframework.stereotype.Component;

/** Parameter management's administrators are branch staff with the {@code ADMIN} role. */
@Component
class StaffParameterAdminResolver implements ParameterAdminResolver {

    private final StaffContext staffContext;

    StaffParameterAdminResolver(StaffContext staffContext) {
        this.staffContext = staffContext;
    }

    @Override
    public String requireAdmin() {
        Staff admin = staffContext.require(StaffRole.ADMIN);
        return "staff:" + admin.id() + "(" + admin.loginName() + ")";
    }
}
