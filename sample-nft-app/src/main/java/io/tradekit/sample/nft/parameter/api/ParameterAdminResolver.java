package io.tradekit.sample.nft.parameter.api;

/**
 * SPI: tells parameter management who the calling administrator is. The context that owns staff
 * identities implements it (today onboarding; later the SSO starter's route permissions).
 */
public interface ParameterAdminResolver {

    /**
     * The current caller's operator name for the audit trail.
     *
     * @throws io.tradekit.core.error.BizException {@code UNAUTHORIZED} without a session,
     *                                             {@code FORBIDDEN} when the caller is no administrator
     */
    String requireAdmin();
}
