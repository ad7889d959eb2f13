package io.tradekit.sample.nft.onboarding.domain;

import java.time.LocalDate;
import java.time.Period;

/**
 * A person tied to the company's account (legal representative or beneficial owner).
 *
 * @param idExpiry the last day the ID is valid, {@code null} for a long-term (长期) document
 */
public record RelatedPerson(PersonRole role, String name, String nationality, IdType idType, String idNumber,
                            LocalDate birthDate, LocalDate idExpiry) {

    /** Full years of age on {@code day}. */
    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }
}
