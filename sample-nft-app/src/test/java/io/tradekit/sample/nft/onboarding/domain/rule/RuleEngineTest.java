package io.tradekit.sample.nft.onboarding.domain.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.sample.nft.onboarding.OnboardingTestData;
import io.tradekit.sample.nft.onboarding.domain.ApplicationStatus;
import io.tradekit.sample.nft.onboarding.domain.IdType;
import io.tradekit.sample.nft.onboarding.domain.OnboardingApplication;
import io.tradekit.sample.nft.onboarding.domain.PersonRole;
import io.tradekit.sample.nft.onboarding.domain.RelatedPerson;
import io.tradekit.sample.nft.onboarding.domain.registry.RegistryCheck;
import io.tradekit.sample.nft.onboarding.domain.registry.RegistryStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Each rule type with its boundaries, driven by definitions as parameter management publishes them. */
class RuleEngineTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 15);
    private static final RegistryCheck ACTIVE = RegistryCheck.answered("test", RegistryStatus.ACTIVE, "x");

    private final RuleEngine engine = new RuleEngine();

    private static RuleDefinition def(SourceType source, String path, RuleType type, Map<String, String> args) {
        return new RuleDefinition("V", "E", "element", source, path, type, args, "msg");
    }

    private static RelatedPerson person(PersonRole role, LocalDate birth, LocalDate expiry, String nationality,
                                        IdType idType, String idNumber) {
        return new RelatedPerson(role, "王五", nationality, idType, idNumber, birth, expiry);
    }

    private static RelatedPerson legalRep(LocalDate birth, LocalDate expiry) {
        return person(PersonRole.LEGAL_REPRESENTATIVE, birth, expiry, "CHN", IdType.MAINLAND_ID,
                OnboardingTestData.idNumber(birth));
    }

    private static OnboardingApplication app(String companyName, RelatedPerson... persons) {
        return new OnboardingApplication(1L, "OB1", OnboardingTestData.creditCode(), companyName, "BR001",
                "T", "BRANCH", ApplicationStatus.SUBMITTED, null, false, Instant.EPOCH, List.of(persons));
    }

    private ReviewReport review(OnboardingApplication app, RegistryCheck registry, RuleDefinition... defs) {
        return engine.review(app, registry, new RuleSet("T", 7, List.of(defs)), DAY, Instant.EPOCH);
    }

    @ParameterizedTest(name = "age {0} -> {1}")
    @CsvSource({"17, FAIL", "18, PASS", "70, PASS", "71, FAIL"})
    void legalRepresentativeAgeIsWithinEighteenAndSeventyInclusive(int age, CheckOutcome expected) {
        RuleDefinition rule = def(SourceType.PERSON, "LEGAL_REPRESENTATIVE.age", RuleType.RANGE,
                Map.of("min", "18", "max", "70"));
        // Born exactly `age` years before the review day: the birthday is today.
        ReviewReport report = review(app("c", legalRep(DAY.minusYears(age), null)), ACTIVE, rule);
        assertThat(report.results()).singleElement().extracting(CheckResult::outcome).isEqualTo(expected);
        assertThat(report.ruleVersion()).isEqualTo(7);
    }

    @Test
    void ageTurnsOnTheBirthdayNotBefore() {
        RuleDefinition rule = def(SourceType.PERSON, "LEGAL_REPRESENTATIVE.age", RuleType.RANGE,
                Map.of("min", "18", "max", "70"));
        ReviewReport report = review(app("c", legalRep(DAY.minusYears(18).plusDays(1), null)), ACTIVE, rule);
        assertThat(report.overall()).isEqualTo(CheckOutcome.FAIL);
        assertThat(report.exceptions()).singleElement().asString().contains("17 is outside 18..70");
    }

    @ParameterizedTest(name = "expiry {0} days from today -> {1}")
    @CsvSource({"-1, FAIL", "0, WARN", "1, WARN", "30, WARN", "31, PASS"})
    void idExpiryFailsWhenPastAndWarnsWithinTheWindow(int days, CheckOutcome expected) {
        RuleDefinition rule = def(SourceType.PERSON, "ANY.idExpiry", RuleType.DATE_NOT_BEFORE,
                Map.of("warnDays", "30"));
        ReviewReport report = review(app("c", legalRep(DAY.minusYears(40), DAY.plusDays(days))), ACTIVE, rule);
        assertThat(report.overall()).isEqualTo(expected);
    }

    @Test
    void aLongTermIdNeverExpires() {
        RuleDefinition rule = def(SourceType.PERSON, "ANY.idExpiry", RuleType.DATE_NOT_BEFORE, Map.of("warnDays", "30"));
        assertThat(review(app("c", legalRep(DAY.minusYears(40), null)), ACTIVE, rule).overall())
                .isEqualTo(CheckOutcome.PASS);
    }

    @ParameterizedTest
    @CsvSource({"ALLOW, CHN, PASS", "ALLOW, USA, FAIL", "DENY, PRK, FAIL", "DENY, CHN, PASS"})
    void nationalityAllowAndDenyLists(String mode, String nationality, CheckOutcome expected) {
        RuleDefinition rule = def(SourceType.PERSON, "ANY.nationality", RuleType.ENUM,
                Map.of("mode", mode, "values", mode.equals("ALLOW") ? "CHN,HKG" : "PRK,IRN"));
        RelatedPerson p = person(PersonRole.LEGAL_REPRESENTATIVE, DAY.minusYears(30), null, nationality,
                IdType.PASSPORT, "E12345678");
        assertThat(review(app("c", p), ACTIVE, rule).overall()).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(RegistryStatus.class)
    void onlyAnActiveCompanyPassesTheOperatingStatusRule(RegistryStatus status) {
        RuleDefinition rule = def(SourceType.THIRD_PARTY, "registry.status", RuleType.ENUM,
                Map.of("mode", "ALLOW", "values", "ACTIVE"));
        ReviewReport report = review(app("c"), RegistryCheck.answered("test", status, "c"), rule);
        assertThat(report.overall()).isEqualTo(status == RegistryStatus.ACTIVE ? CheckOutcome.PASS : CheckOutcome.FAIL);
        assertThat(report.results()).allMatch(CheckResult::thirdParty);
    }

    @Test
    void anUnavailableProviderBlocksTheReviewWithItsReason() {
        RuleDefinition rule = def(SourceType.THIRD_PARTY, "registry.status", RuleType.ENUM,
                Map.of("mode", "ALLOW", "values", "ACTIVE"));
        ReviewReport report = review(app("c"), RegistryCheck.unavailable("test", "provider timed out"), rule);
        assertThat(report.overall()).isEqualTo(CheckOutcome.BLOCKED);
        assertThat(report.exceptions()).singleElement().asString()
                .contains("could not be made").contains("provider timed out");
    }

    @Test
    void checksumsJudgeCreditCodesAndOnlyMainlandIds() {
        RuleDefinition credit = def(SourceType.APPLICATION, "creditCode", RuleType.CHECKSUM, Map.of("type", "GB32100"));
        RuleDefinition id = def(SourceType.PERSON, "ANY.idNumber", RuleType.CHECKSUM, Map.of("type", "GB11643"));
        String valid = OnboardingTestData.idNumber(DAY.minusYears(30));
        String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        RelatedPerson badMainland = person(PersonRole.LEGAL_REPRESENTATIVE, DAY.minusYears(30), null, "CHN",
                IdType.MAINLAND_ID, wrongCheck);
        RelatedPerson passport = person(PersonRole.BENEFICIAL_OWNER, DAY.minusYears(30), null, "USA",
                IdType.PASSPORT, "E12345678");
        ReviewReport report = review(app("c", badMainland, passport), ACTIVE, credit, id);
        assertThat(report.results()).extracting(CheckResult::outcome)
                .containsExactly(CheckOutcome.PASS, CheckOutcome.FAIL, CheckOutcome.PASS);
    }

    @Test
    void requiredPersonsMustExist() {
        RuleDefinition rule = def(SourceType.PERSON, "BENEFICIAL_OWNER.name", RuleType.REQUIRED, Map.of());
        ReviewReport report = review(app("c", legalRep(DAY.minusYears(40), null)), ACTIVE, rule);
        assertThat(report.overall()).isEqualTo(CheckOutcome.FAIL);
        assertThat(report.exceptions()).singleElement().asString().contains("no BENEFICIAL_OWNER given");
    }

    @Test
    void namesInSubjectsAreMasked() {
        RuleDefinition rule = def(SourceType.PERSON, "ANY.name", RuleType.REQUIRED, Map.of());
        ReviewReport report = review(app("c", legalRep(DAY.minusYears(40), null)), ACTIVE, rule);
        assertThat(report.results()).singleElement().extracting(CheckResult::subject)
                .isEqualTo("LEGAL_REPRESENTATIVE 王*");
    }

    @Test
    @Timeout(10)
    void aCatastrophicPatternFailsItsCheckInsteadOfHanging() {
        // Java 17 defuses the classic (a+)+b, but nested greedy loops still explode polynomially (~n^20).
        RuleDefinition rule = def(SourceType.APPLICATION, "companyName", RuleType.REGEX,
                Map.of("pattern", "(.*a){20}"));
        ReviewReport report = review(app("a".repeat(60)), ACTIVE, rule);
        assertThat(report.overall()).isEqualTo(CheckOutcome.FAIL);
        assertThat(report.exceptions()).singleElement().asString().contains("cannot evaluate");
    }

    @Test
    void malformedDefinitionsFailTheirOwnCheckAndTheRestStillRuns() {
        RuleDefinition broken = def(SourceType.PERSON, "ANY.age", RuleType.RANGE, Map.of("min", "x", "max", "70"));
        RuleDefinition fine = def(SourceType.APPLICATION, "companyName", RuleType.REQUIRED, Map.of());
        ReviewReport report = review(app("c", legalRep(DAY.minusYears(40), null)), ACTIVE, broken, fine);
        assertThat(report.results()).extracting(CheckResult::outcome)
                .containsExactly(CheckOutcome.FAIL, CheckOutcome.PASS);
    }

    @Test
    void regexAndConstantsWork() {
        RuleDefinition regex = def(SourceType.APPLICATION, "companyName", RuleType.REGEX,
                Map.of("pattern", ".*有限公司"));
        RuleDefinition constant = def(SourceType.CONSTANT, "ACTIVE", RuleType.ENUM,
                Map.of("mode", "ALLOW", "values", "ACTIVE"));
        assertThat(review(app("某某科技有限公司"), ACTIVE, regex, constant).overall()).isEqualTo(CheckOutcome.PASS);
        assertThat(review(app("某某科技"), ACTIVE, regex).overall()).isEqualTo(CheckOutcome.FAIL);
    }
}
