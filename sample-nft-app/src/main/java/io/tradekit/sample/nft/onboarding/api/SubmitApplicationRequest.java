package io.tradekit.sample.nft.onboarding.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;

/**
 * A corporate-account opening appointment. Over REST the branch is the officer's own and
 * {@code branchCode} is ignored; over Dubbo the channel names the branch.
 *
 * @param businessType the parameter business type judging it; {@code CORP_ACCOUNT_OPEN} when empty
 */
public record SubmitApplicationRequest(
        @NotNull @Pattern(regexp = "[0-9A-Z]{18}") String creditCode,
        @NotBlank @Size(max = 200) String companyName,
        @Pattern(regexp = "[A-Z0-9]{1,20}") String branchCode,
        @Pattern(regexp = "[A-Z][A-Z0-9_]{0,39}") String businessType,
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid RelatedPersonDTO> persons) implements Serializable {
}
