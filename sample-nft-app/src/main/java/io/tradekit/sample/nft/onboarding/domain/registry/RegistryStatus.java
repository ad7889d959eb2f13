package io.tradekit.sample.nft.onboarding.domain.registry;

/** A company's business-registration status as the registry reports it. */
public enum RegistryStatus {
    /** 存续/在业. */
    ACTIVE,
    /** 吊销. */
    REVOKED,
    /** 注销. */
    CANCELLED
}
