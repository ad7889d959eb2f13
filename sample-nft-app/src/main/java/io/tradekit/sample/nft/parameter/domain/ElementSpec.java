package io.tradekit.sample.nft.parameter.domain;

import io.tradekit.core.error.BizException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The vocabulary an element may use — data sources with their fields, validation rules with their
 * arguments — checked before anything is stored, so a published rule set only holds what the
 * onboarding rules engine can evaluate.
 */
public final class ElementSpec {

    /** Codes of vouchers, elements and business types. */
    public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final Set<String> APPLICATION_FIELDS = Set.of("creditCode", "companyName", "appointmentNo",
            "branchCode");
    private static final Set<String> PERSON_SCOPES = Set.of("ANY", "LEGAL_REPRESENTATIVE", "BENEFICIAL_OWNER");
    private static final Set<String> PERSON_FIELDS = Set.of("name", "nationality", "idType", "idNumber", "age",
            "idExpiry");
    private static final Set<String> THIRD_PARTY_FIELDS = Set.of("registry.status", "registry.name");
    private static final Pattern VALUE_LIST = Pattern.compile("[A-Za-z0-9_]{1,40}(,[A-Za-z0-9_]{1,40}){0,99}");
    private static final int MAX_PATTERN = 200;

    private ElementSpec() {
    }

    /**
     * Checks an element before it is stored.
     *
     * @throws BizException {@code INVALID_ELEMENT} naming what is wrong
     */
    public static void check(Element e) {
        require(e.code() != null && CODE.matcher(e.code()).matches(), "code must match " + CODE.pattern());
        require(e.name() != null && !e.name().isBlank() && e.name().length() <= 100, "name is 1-100 characters");
        require(e.message() == null || e.message().length() <= 200, "message is at most 200 characters");
        require(e.sourceType() != null && e.sourcePath() != null, "sourceType and sourcePath are required");
        switch (e.sourceType()) {
            case "APPLICATION" -> require(APPLICATION_FIELDS.contains(e.sourcePath()),
                    "APPLICATION fields: " + APPLICATION_FIELDS);
            case "PERSON" -> {
                String[] parts = e.sourcePath().split("\\.", 2);
                require(parts.length == 2 && PERSON_SCOPES.contains(parts[0]) && PERSON_FIELDS.contains(parts[1]),
                        "PERSON path is one of " + PERSON_SCOPES + " . one of " + PERSON_FIELDS);
            }
            case "THIRD_PARTY" -> require(THIRD_PARTY_FIELDS.contains(e.sourcePath()),
                    "THIRD_PARTY fields: " + THIRD_PARTY_FIELDS);
            case "CONSTANT" -> require(e.sourcePath().length() <= 100, "a constant is at most 100 characters");
            default -> require(false, "sourceType is APPLICATION, PERSON, THIRD_PARTY or CONSTANT");
        }
        checkRule(e.ruleType(), e.args());
    }

    private static void checkRule(String ruleType, Map<String, String> args) {
        require(ruleType != null, "ruleType is required");
        switch (ruleType) {
            case "REQUIRED" -> require(args.isEmpty(), "REQUIRED takes no arguments");
            case "REGEX" -> {
                require(args.keySet().equals(Set.of("pattern")), "REGEX takes pattern");
                String pattern = args.get("pattern");
                require(pattern != null && !pattern.isEmpty() && pattern.length() <= MAX_PATTERN,
                        "pattern is 1-" + MAX_PATTERN + " characters");
                try {
                    Pattern.compile(pattern);
                } catch (PatternSyntaxException ex) {
                    require(false, "pattern does not compile");
                }
            }
            case "RANGE" -> {
                require(args.keySet().equals(Set.of("min", "max")), "RANGE takes min and max");
                long min = integer(args.get("min"));
                long max = integer(args.get("max"));
                require(min <= max, "min must not exceed max");
            }
            case "DATE_NOT_BEFORE" -> {
                require(args.keySet().equals(Set.of("warnDays")), "DATE_NOT_BEFORE takes warnDays");
                long days = integer(args.get("warnDays"));
                require(days >= 0 && days <= 3650, "warnDays is 0-3650");
            }
            case "ENUM" -> {
                require(args.keySet().equals(Set.of("mode", "values")), "ENUM takes mode and values");
                require("ALLOW".equals(args.get("mode")) || "DENY".equals(args.get("mode")), "mode is ALLOW or DENY");
                require(args.get("values") != null && VALUE_LIST.matcher(args.get("values")).matches(),
                        "values are 1-100 comma-separated codes");
            }
            case "CHECKSUM" -> {
                require(args.keySet().equals(Set.of("type")), "CHECKSUM takes type");
                require("GB32100".equals(args.get("type")) || "GB11643".equals(args.get("type")),
                        "type is GB32100 or GB11643");
            }
            default -> require(false, "ruleType is REQUIRED, REGEX, RANGE, DATE_NOT_BEFORE, ENUM or CHECKSUM");
        }
    }

    private static long integer(String value) {
        require(value != null && value.matches("-?\\d{1,9}"), "a number of at most 9 digits is required");
        return Long.parseLong(value);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new BizException(ParameterErrorCode.INVALID_ELEMENT, message);
        }
    }
}
