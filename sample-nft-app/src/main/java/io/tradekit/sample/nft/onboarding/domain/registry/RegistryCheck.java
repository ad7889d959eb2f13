package io.tradekit.sample.nft.onboarding.domain.registry;

/**
 * What the business registry answered about one company: its status, or why no answer came.
 *
 * @param available whether the provider answered; when not, {@code status} is {@code null} and
 *                  {@code detail} says why
 */
public record RegistryCheck(String provider, boolean available, RegistryStatus status, String registeredName,
                            String detail) {

    public static RegistryCheck answered(String provider, RegistryStatus status, String registeredName) {
        return new RegistryCheck(provider, true, status, registeredName, "registry answered " + status);
    }

    public static RegistryCheck unavailable(String provider, String reason) {
        return new RegistryCheck(provider, false, null, null, reason);
    }
}
