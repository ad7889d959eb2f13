package io.tradekit.sample.nft.onboarding.infrastructure;

import io.tradekit.sample.nft.onboarding.domain.registry.CompanyRegistryGateway;
import io.tradekit.sample.nft.onboarding.domain.registry.RegistryCheck;
import io.tradekit.sample.nft.onboarding.domain.registry.RegistryStatus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A stand-in for the business registry (工商) that ships with the sample so every case can be
 * shown: a company whose name contains 吊销 is revoked, 注销 cancelled, 不可用 makes the provider
 * "unavailable"; any other is active (存续). A real provider implements the same port and is
 * selected with {@code sample.onboarding.registry.simulated=false}.
 */
@Component
@ConditionalOnProperty(prefix = "sample.onboarding.registry", name = "simulated", havingValue = "true",
        matchIfMissing = true)
class SimulatedCompanyRegistry implements CompanyRegistryGateway {

    static final String PROVIDER = "simulated-registry";

    @Override
    public RegistryCheck lookup(String creditCode, String companyName) {
        String name = companyName == null ? "" : companyName;
        if (name.contains("不可用")) {
            return RegistryCheck.unavailable(PROVIDER, "registry provider unavailable (timed out)");
        }
        if (name.contains("吊销")) {
            return RegistryCheck.answered(PROVIDER, RegistryStatus.REVOKED, name);
        }
        if (name.contains("注销")) {
            return RegistryCheck.answered(PROVIDER, RegistryStatus.CANCELLED, name);
        }
        return RegistryCheck.answered(PROVIDER, RegistryStatus.ACTIVE, name);
    }
}
