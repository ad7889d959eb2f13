package io.tradekit.sample.nft.onboarding.job;

import io.tradekit.sample.nft.onboarding.application.ExpiringIdFlagService;
import io.tradekit.sample.nft.onboarding.application.OnboardingProperties;
import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Nightly: flags active applications with a person ID expiring within {@code sample.onboarding.expiry-flag-days}.
 * Every instance's cron fires at the same minute; the lock {@value #LOCK} lets one of them flag.
 */
@Component
class ExpiringIdFlagJob {

    private static final Logger log = LoggerFactory.getLogger(ExpiringIdFlagJob.class);

    /** The job's lock name (shared.job). */
    static final String LOCK = "expiring-id-flag";

    private final ExpiringIdFlagService service;
    private final OnboardingProperties properties;

    ExpiringIdFlagJob(ExpiringIdFlagService service, OnboardingProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    @Scheduled(cron = "${sample.onboarding.expiry-flag-cron:0 30 1 * * *}",
            zone = "${sample.onboarding.zone:Asia/Shanghai}")
    // At most 1 hour: one UPDATE over the active applications. At least 10 minutes: the instances' cron
    // fires at the same minute by their own clocks; an instance whose clock is a few minutes late must find
    // the lock still held, not run the night's job a second time.
    @SchedulerLock(name = LOCK,
            lockAtMostFor = "${sample.jobs.expiring-id-flag.lock-at-most-for:PT1H}",
            lockAtLeastFor = "${sample.jobs.expiring-id-flag.lock-at-least-for:PT10M}")
    public void flagExpiringIds() {
        int flagged = service.flag(LocalDate.now(properties.getZone()));
        log.info("Flagged {} onboarding applications with IDs expiring within {} days", flagged,
                properties.getExpiryFlagDays());
    }
}
