package io.tradekit.sample.nft.onboarding.application;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the onboarding context, {@code sample.onboarding.*}. */
@ConfigurationProperties("sample.onboarding")
public class OnboardingProperties {

    /** The zone whose calendar day rules are judged on (ID expiry, age). */
    private ZoneId zone = ZoneId.of("Asia/Shanghai");

    /** The business type used when a submission names none. */
    private String defaultBusinessType = "CORP_ACCOUNT_OPEN";

    /** Days ahead within which the job flags applications whose person IDs expire. */
    private int expiryFlagDays = 30;

    /** Cron of the job flagging soon-expiring IDs (in {@link #zone}). */
    private String expiryFlagCron = "0 30 1 * * *";

    public ZoneId getZone() {
        return zone;
    }

    public void setZone(ZoneId zone) {
        this.zone = zone;
    }

    public String getDefaultBusinessType() {
        return defaultBusinessType;
    }

    public void setDefaultBusinessType(String defaultBusinessType) {
        this.defaultBusinessType = defaultBusinessType;
    }

    public int getExpiryFlagDays() {
        return expiryFlagDays;
    }

    public void setExpiryFlagDays(int expiryFlagDays) {
        this.expiryFlagDays = expiryFlagDays;
    }

    public String getExpiryFlagCron() {
        return expiryFlagCron;
    }

    public void setExpiryFlagCron(String expiryFlagCron) {
        this.expiryFlagCron = expiryFlagCron;
    }
}
