package io.tradekit.sample.nft.onboarding.domain.registry;

/**
 * Port: the third-party business registry (工商) that tells whether a company is still operating.
 * Implementations never throw for an unreachable provider: they answer
 * {@link RegistryCheck#unavailable(String, String)} so the pre-review is blocked with a reason.
 */
public interface CompanyRegistryGateway {

    RegistryCheck lookup(String creditCode, String companyName);
}
