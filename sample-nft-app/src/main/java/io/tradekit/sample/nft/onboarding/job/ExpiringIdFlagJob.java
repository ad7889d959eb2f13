package io.tradekit.sample.nft.onboarding.job;

import io.tradekit.sample.nft.onboarding.application.ExpiringIdFlagService;
import io.tradekit.sample.nft.onboarding.application.OnboardingProperties;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Nightly: flags active applications with a person ID expiring within {@code sample.onboarding.expiry-flag-days}. */
@Component
class ExpiringIdFlagJob {

    private static final Logger log = LoggerFactory.getLogger(ExpiringIdFlagJob.class);

    private final ExpiringIdFlagService service;
    private final OnboardingProperties properties;

    ExpiringIdFlagJob(ExpiringIdFlagService service, OnboardingProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    @Scheduled(cron = "${sample.onboarding.expiry-flag-cron:0 30 1 * * *}",
            zone = "${sample.onboarding.zone:Asia/Shanghai}")
    void flagExpiringIds() {
        int flagged = service.flag(LocalDate.now(properties.getZone()));
        log.info("Flagged {} onboarding applications with IDs expiring within {} days", flagged,
                properties.getExpiryFlagDays());
    }
}
