package io.tradekit.sample.nft.onboarding.application;

import java.time.Instant;

/** One row of the branch pending list (网点待处理). */
public record PendingItemView(long id, String appointmentNo, String companyName, String status, boolean idExpiryFlag,
                              Instant createdAt) {
}
