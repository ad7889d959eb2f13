package io.tradekit.sample.nft.parameter.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Binds a business type to the vouchers whose elements form its rule set. */
public record BusinessTypeCommand(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 100) String name,
                                  @NotNull @Size(min = 1, max = 20) List<@NotBlank @Size(max = 40) String> voucherCodes) {
}
