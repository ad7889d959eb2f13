package io.tradekit.sample.nft.onboarding;

import io.tradekit.sample.nft.onboarding.api.RelatedPersonDTO;
import io.tradekit.sample.nft.onboarding.api.SubmitApplicationRequest;
import io.tradekit.sample.nft.onboarding.domain.CreditCodeValidator;
import io.tradekit.sample.nft.shared.validation.ResidentIdNumber;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Generated, never real, test data: credit codes and ID numbers with correct check characters
 * computed by the algorithms under test's standards, unique per call because the app context and
 * database are shared by every test class.
 */
public final class OnboardingTestData {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private OnboardingTestData() {
    }

    /** A valid credit code: 9 (enterprise) 1 (company), division 110105, random organisation code. */
    public static String creditCode() {
        StringBuilder body = new StringBuilder("91110105");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            body.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return body + String.valueOf(CreditCodeValidator.checkCharacter(body.toString()));
    }

    /** A valid mainland ID number for the birth date with a random sequence. */
    public static String idNumber(LocalDate birthDate) {
        String body = "110105" + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        return body + ResidentIdNumber.checkCharacter(body);
    }

    public static RelatedPersonDTO legalRep(LocalDate birthDate, LocalDate idExpiry) {
        return new RelatedPersonDTO("LEGAL_REPRESENTATIVE", "张三", "CHN", "MAINLAND_ID", idNumber(birthDate),
                birthDate, idExpiry);
    }

    public static RelatedPersonDTO owner(LocalDate birthDate) {
        return new RelatedPersonDTO("BENEFICIAL_OWNER", "李四", "CHN", "MAINLAND_ID", idNumber(birthDate),
                birthDate, null);
    }

    /** A request that passes every seeded rule (legal representative aged 40, IDs valid for years). */
    public static SubmitApplicationRequest request(String companyName) {
        LocalDate today = LocalDate.now();
        return request(companyName, null, List.of(legalRep(today.minusYears(40), today.plusYears(5)),
                owner(today.minusYears(35))));
    }

    public static SubmitApplicationRequest request(String companyName, String businessType,
                                                   List<RelatedPersonDTO> persons) {
        return new SubmitApplicationRequest(creditCode(), companyName, null, businessType, persons);
    }

    /** A unique marker for company names, so list filters only see this test's rows. */
    public static String unique() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), 36).toUpperCase();
    }
}
