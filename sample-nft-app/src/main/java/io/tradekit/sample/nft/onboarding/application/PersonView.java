package io.tradekit.sample.nft.onboarding.application;

import io.tradekit.core.log.Masking;
import io.tradekit.core.log.Sensitive;
import io.tradekit.core.log.SensitiveType;
import io.tradekit.sample.nft.onboarding.domain.RelatedPerson;
import java.time.LocalDate;

/** A related person as staff see it: the ID number masked, never raw. */
public record PersonView(String role, @Sensitive(type = SensitiveType.NAME) String name, String nationality,
                         String idType, String maskedIdNumber, LocalDate birthDate, LocalDate idExpiry) {

    static PersonView of(RelatedPerson p) {
        return new PersonView(p.role().name(), p.name(), p.nationality(), p.idType().name(),
                Masking.mask(p.idNumber(), SensitiveType.ID_CARD), p.birthDate(), p.idExpiry());
    }
}
