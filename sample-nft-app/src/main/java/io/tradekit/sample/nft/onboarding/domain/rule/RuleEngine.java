package io.tradekit.sample.nft.onboarding.domain.rule;

import io.tradekit.core.log.Masking;
import io.tradekit.core.log.SensitiveType;
import io.tradekit.sample.nft.onboarding.domain.CreditCodeValidator;
import io.tradekit.sample.nft.shared.validation.ResidentIdNumber;
import io.tradekit.sample.nft.onboarding.domain.IdType;
import io.tradekit.sample.nft.onboarding.domain.OnboardingApplication;
import io.tradekit.sample.nft.onboarding.domain.PersonRole;
import io.tradekit.sample.nft.onboarding.domain.RelatedPerson;
import io.tradekit.sample.nft.onboarding.domain.registry.RegistryCheck;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Interprets a {@link RuleSet} against one application: each definition's source gives one value
 * per subject (the company, or each matching person) and its {@link RuleType} judges it. New checks
 * are new data in parameter management, not new code here.
 */
public final class RuleEngine {

    private static final String COMPANY = "COMPANY";

    /** Reviews the application under the rule set on {@code day}. */
    public ReviewReport review(OnboardingApplication application, RegistryCheck registry, RuleSet ruleSet,
                               LocalDate day, Instant at) {
        List<CheckResult> results = new ArrayList<>();
        for (RuleDefinition definition : ruleSet.definitions()) {
            results.addAll(evaluate(definition, application, registry, day));
        }
        return new ReviewReport(ruleSet.businessType(), ruleSet.version(), day, at, registry, results);
    }

    List<CheckResult> evaluate(RuleDefinition d, OnboardingApplication application, RegistryCheck registry,
                               LocalDate day) {
        return switch (d.sourceType()) {
            case APPLICATION -> List.of(judge(d, COMPANY, applicationField(application, d.sourcePath()), null, day,
                    false));
            case CONSTANT -> List.of(judge(d, COMPANY, d.sourcePath(), null, day, false));
            case THIRD_PARTY -> List.of(thirdParty(d, registry, day));
            case PERSON -> persons(d, application, day);
        };
    }

    private CheckResult thirdParty(RuleDefinition d, RegistryCheck registry, LocalDate day) {
        if (registry == null || !registry.available()) {
            String reason = registry == null ? "no registry answer" : registry.detail();
            return new CheckResult(d.code(), d.name(), COMPANY, CheckOutcome.BLOCKED,
                    "third-party check could not be made: " + reason, true);
        }
        String value = switch (d.sourcePath()) {
            case "registry.status" -> registry.status().name();
            case "registry.name" -> registry.registeredName();
            default -> throw new IllegalArgumentException("unknown third-party field " + d.sourcePath());
        };
        return judge(d, COMPANY, value, null, day, true);
    }

    private List<CheckResult> persons(RuleDefinition d, OnboardingApplication application, LocalDate day) {
        String[] parts = d.sourcePath().split("\\.", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("person path must be ROLE.field: " + d.sourcePath());
        }
        List<RelatedPerson> matching = "ANY".equals(parts[0]) ? application.persons()
                : application.persons(PersonRole.valueOf(parts[0]));
        if (matching.isEmpty()) {
            CheckOutcome outcome = d.ruleType() == RuleType.REQUIRED ? CheckOutcome.FAIL : CheckOutcome.PASS;
            return List.of(new CheckResult(d.code(), d.name(), parts[0], outcome,
                    outcome == CheckOutcome.PASS ? "no such person" : "no " + parts[0] + " given", false));
        }
        List<CheckResult> results = new ArrayList<>();
        for (RelatedPerson person : matching) {
            String subject = person.role() + " " + Masking.mask(person.name(), SensitiveType.NAME);
            results.add(judge(d, subject, personField(person, parts[1], day), person, day, false));
        }
        return results;
    }

    private CheckResult judge(RuleDefinition d, String subject, String value, RelatedPerson person, LocalDate day,
                              boolean thirdParty) {
        try {
            Verdict verdict = verdict(d, value, person, day);
            String message = verdict.outcome == CheckOutcome.PASS ? "ok" : describe(d, verdict.detail);
            return new CheckResult(d.code(), d.name(), subject, verdict.outcome, message, thirdParty);
        } catch (RuntimeException e) {
            // A malformed rule or value fails its own check with the reason; it never aborts the review.
            return new CheckResult(d.code(), d.name(), subject, CheckOutcome.FAIL,
                    describe(d, "cannot evaluate: " + e.getMessage()), thirdParty);
        }
    }

    private static String describe(RuleDefinition d, String detail) {
        return d.message() == null || d.message().isBlank() ? detail : d.message() + " (" + detail + ")";
    }

    private Verdict verdict(RuleDefinition d, String value, RelatedPerson person, LocalDate day) {
        boolean blank = value == null || value.isBlank();
        return switch (d.ruleType()) {
            case REQUIRED -> blank ? Verdict.fail("missing") : Verdict.PASS;
            case REGEX -> blank || BoundedRegex.matches(d.arg("pattern"), value) ? Verdict.PASS
                    : Verdict.fail("does not match the required format");
            case RANGE -> range(d, value);
            case DATE_NOT_BEFORE -> dateNotBefore(d, value, day);
            case ENUM -> enumeration(d, value);
            case CHECKSUM -> checksum(d, value, person);
        };
    }

    private static Verdict range(RuleDefinition d, String value) {
        if (value == null || value.isBlank()) {
            return Verdict.fail("missing");
        }
        long number = Long.parseLong(value);
        long min = Long.parseLong(d.arg("min"));
        long max = Long.parseLong(d.arg("max"));
        return number >= min && number <= max ? Verdict.PASS
                : Verdict.fail(value + " is outside " + min + ".." + max);
    }

    private static Verdict dateNotBefore(RuleDefinition d, String value, LocalDate day) {
        if (value == null || value.isBlank()) {
            return Verdict.PASS;
        }
        LocalDate date = LocalDate.parse(value);
        int warnDays = Integer.parseInt(d.args().getOrDefault("warnDays", "0"));
        if (date.isBefore(day)) {
            return Verdict.fail("expired on " + date);
        }
        if (!date.isAfter(day.plusDays(warnDays))) {
            return new Verdict(CheckOutcome.WARN, "expires on " + date + ", within " + warnDays + " days");
        }
        return Verdict.PASS;
    }

    private static Verdict enumeration(RuleDefinition d, String value) {
        Set<String> values = Arrays.stream(d.arg("values").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        boolean listed = value != null && values.contains(value.trim());
        boolean allow = "ALLOW".equals(d.arg("mode"));
        if (allow) {
            return listed ? Verdict.PASS : Verdict.fail((value == null ? "missing" : value) + " is not allowed");
        }
        if (!"DENY".equals(d.arg("mode"))) {
            throw new IllegalArgumentException("mode must be ALLOW or DENY");
        }
        return listed ? Verdict.fail(value + " is on the deny list") : Verdict.PASS;
    }

    private static Verdict checksum(RuleDefinition d, String value, RelatedPerson person) {
        return switch (d.arg("type")) {
            case "GB32100" -> CreditCodeValidator.isValid(value) ? Verdict.PASS : Verdict.fail("bad check character");
            case "GB11643" -> person != null && person.idType() != IdType.MAINLAND_ID ? Verdict.PASS
                    : ResidentIdNumber.isValid(value) ? Verdict.PASS : Verdict.fail("bad check digit or birth date");
            default -> throw new IllegalArgumentException("unknown checksum type " + d.arg("type"));
        };
    }

    private static String applicationField(OnboardingApplication a, String field) {
        return switch (field) {
            case "creditCode" -> a.creditCode();
            case "companyName" -> a.companyName();
            case "appointmentNo" -> a.appointmentNo();
            case "branchCode" -> a.branchCode();
            default -> throw new IllegalArgumentException("unknown application field " + field);
        };
    }

    private static String personField(RelatedPerson p, String field, LocalDate day) {
        return switch (field) {
            case "name" -> p.name();
            case "nationality" -> p.nationality();
            case "idType" -> p.idType() == null ? null : p.idType().name();
            case "idNumber" -> p.idNumber();
            case "age" -> p.birthDate() == null ? null : String.valueOf(p.ageOn(day));
            case "idExpiry" -> p.idExpiry() == null ? null : p.idExpiry().toString();
            default -> throw new IllegalArgumentException("unknown person field " + field);
        };
    }

    private record Verdict(CheckOutcome outcome, String detail) {
        static final Verdict PASS = new Verdict(CheckOutcome.PASS, null);

        static Verdict fail(String detail) {
            return new Verdict(CheckOutcome.FAIL, detail);
        }
    }
}
