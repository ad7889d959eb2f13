package io.tradekit.sample.nft.onboarding.application;

import io.tradekit.sample.nft.onboarding.domain.ApplicationRepository;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Flags active applications with a related person whose ID expires within the configured days, so
 * the pending list shows them. Idempotent: one conditional update, safe on every instance at once.
 */
@Service
public class ExpiringIdFlagService {

    private final ApplicationRepository applications;
    private final OnboardingProperties properties;

    public ExpiringIdFlagService(ApplicationRepository applications,
                                 OnboardingProperties properties) {
        this.applications = applications;
        this.properties = properties;
    }

    /** Flags from {@code today} (an already expired ID is the pre-review's business) to today + days. */
    @Transactional
    public int flag(LocalDate today) {
        return applications.flagExpiringIds(today, today.plusDays(properties.getExpiryFlagDays()));
    }
}
