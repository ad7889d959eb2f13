package io.tradekit.sample.nft.onboarding.api;

import java.io.Serializable;

/** What a submission created. */
public record SubmitResultDTO(long applicationId, String appointmentNo, String status) implements Serializable {
}
