package io.tradekit.sample.nft.onboarding.domain;

import java.time.Instant;
import java.util.List;

/**
 * A corporate-account opening appointment (开户预约) of one company at one branch, with its related
 * persons, its place in the state machine ({@link TransitionAction}) and the rule version it was
 * pre-reviewed under.
 *
 * @param ruleVersion the rule-set version of the latest pre-review, {@code null} before one ran
 */
public record OnboardingApplication(Long id, String appointmentNo, String creditCode, String companyName,
                                    String branchCode, String businessType, String channel, ApplicationStatus status,
                                    Integer ruleVersion, boolean idExpiryFlag, Instant createdAt,
                                    List<RelatedPerson> persons) {

    public OnboardingApplication {
        persons = persons == null ? List.of() : List.copyOf(persons);
    }

    /** The persons with the given role. */
    public List<RelatedPerson> persons(PersonRole role) {
        return persons.stream().filter(p -> p.role() == role).toList();
    }
}
