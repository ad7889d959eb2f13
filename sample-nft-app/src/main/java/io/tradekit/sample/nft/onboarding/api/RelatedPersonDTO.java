package io.tradekit.sample.nft.onboarding.api;

import io.tradekit.core.log.Sensitive;
import io.tradekit.core.log.SensitiveType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * A legal representative or beneficial owner as submitted.
 *
 * @param idExpiry last valid day of the ID; {@code null} for a long-term (长期) document
 */
public record RelatedPersonDTO(
        @NotNull @Pattern(regexp = "LEGAL_REPRESENTATIVE|BENEFICIAL_OWNER") String role,
        @Sensitive(type = SensitiveType.NAME) @NotBlank @Size(max = 100) String name,
        @NotNull @Pattern(regexp = "[A-Z]{3}") String nationality,
        @NotNull @Pattern(regexp = "MAINLAND_ID|PASSPORT|HMT_PERMIT") String idType,
        @Sensitive(type = SensitiveType.ID_CARD) @NotNull @Pattern(regexp = "[0-9A-Za-z]{5,40}") String idNumber,
        @NotNull @Past LocalDate birthDate,
        LocalDate idExpiry) implements Serializable {
}
