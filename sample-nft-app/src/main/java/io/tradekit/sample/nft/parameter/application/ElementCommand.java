package io.tradekit.sample.nft.parameter.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** An administrator's new or changed element; the vocabulary is checked by {@code ElementSpec}. */
public record ElementCommand(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 100) String name,
                             @NotBlank @Size(max = 20) String sourceType, @NotBlank @Size(max = 100) String sourcePath,
                             @NotBlank @Size(max = 20) String ruleType, @Size(max = 5) Map<String, String> args,
                             @Size(max = 200) String message) {
}
