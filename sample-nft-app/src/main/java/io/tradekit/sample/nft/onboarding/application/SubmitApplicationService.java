package io.tradekit.sample.nft.onboarding.application;

import io.tradekit.core.error.BizException;
import io.tradekit.sample.nft.onboarding.api.RelatedPersonDTO;
import io.tradekit.sample.nft.onboarding.api.SubmitApplicationRequest;
import io.tradekit.sample.nft.onboarding.api.SubmitResultDTO;
import io.tradekit.sample.nft.onboarding.domain.ApplicationRepository;
import io.tradekit.sample.nft.onboarding.domain.ApplicationStatus;
import io.tradekit.sample.nft.onboarding.domain.CreditCodeValidator;
import io.tradekit.sample.nft.onboarding.domain.IdType;
import io.tradekit.sample.nft.onboarding.domain.OnboardingApplication;
import io.tradekit.sample.nft.onboarding.domain.OnboardingErrorCode;
import io.tradekit.sample.nft.onboarding.domain.PersonRole;
import io.tradekit.sample.nft.onboarding.domain.RelatedPerson;
import io.tradekit.sample.nft.onboarding.domain.rule.RuleSetGateway;
import io.tradekit.sample.nft.onboarding.domain.staff.Staff;
import io.tradekit.sample.nft.onboarding.domain.staff.StaffRole;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates applications: an officer's go to their own branch, a channel's (Dubbo) to the branch it
 * names. The credit code must pass GB 32100 and there must be exactly one legal representative;
 * everything else is judged later by the rule set at pre-review.
 */
@Service
public class SubmitApplicationService {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final ApplicationRepository applications;
    private final RuleSetGateway ruleSets;
    private final StaffContext staffContext;
    private final OnboardingProperties properties;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    public SubmitApplicationService(ApplicationRepository applications, RuleSetGateway ruleSets,
                                    StaffContext staffContext, OnboardingProperties properties) {
        this.applications = applications;
        this.ruleSets = ruleSets;
        this.staffContext = staffContext;
        this.properties = properties;
    }

    /** An officer submits for their own branch; any {@code branchCode} in the request is ignored. */
    @Transactional
    public SubmitResultDTO submitByOfficer(SubmitApplicationRequest request) {
        Staff officer = staffContext.require(StaffRole.OFFICER);
        return submit(request, officer.branchCode(), "BRANCH", StaffContext.actor(officer));
    }

    /** A channel submits for the branch it names. */
    @Transactional
    public SubmitResultDTO submitFromChannel(SubmitApplicationRequest request, String channel) {
        if (request.branchCode() == null) {
            throw new BizException(OnboardingErrorCode.INVALID_APPLICATION, "branchCode is required from a channel");
        }
        return submit(request, request.branchCode(), channel, "channel:" + channel);
    }

    private SubmitResultDTO submit(SubmitApplicationRequest request, String branch, String channel, String actor) {
        if (!CreditCodeValidator.isValid(request.creditCode())) {
            throw new BizException(OnboardingErrorCode.INVALID_CREDIT_CODE);
        }
        String businessType = request.businessType() == null ? properties.getDefaultBusinessType()
                : request.businessType();
        if (ruleSets.latest(businessType).isEmpty()) {
            throw new BizException(OnboardingErrorCode.INVALID_APPLICATION, "unknown business type " + businessType);
        }
        List<RelatedPerson> persons = request.persons().stream().map(SubmitApplicationService::person).toList();
        if (persons.stream().filter(p -> p.role() == PersonRole.LEGAL_REPRESENTATIVE).count() != 1) {
            throw new BizException(OnboardingErrorCode.INVALID_APPLICATION, "exactly one legal representative");
        }
        String appointmentNo = "OB" + LocalDate.now(clock.withZone(properties.getZone())).format(DAY)
                + String.format("%010d", Math.floorMod(random.nextLong(), 10_000_000_000L));
        OnboardingApplication application = new OnboardingApplication(null, appointmentNo, request.creditCode(),
                request.companyName().strip(), branch, businessType, channel, ApplicationStatus.SUBMITTED, null,
                false, clock.instant(), persons);
        long id = applications.insert(application);
        return new SubmitResultDTO(id, appointmentNo, ApplicationStatus.SUBMITTED.name());
    }

    private static RelatedPerson person(RelatedPersonDTO p) {
        return new RelatedPerson(PersonRole.valueOf(p.role()), p.name().strip(), p.nationality(),
                IdType.valueOf(p.idType()), p.idNumber().toUpperCase(java.util.Locale.ROOT), p.birthDate(),
                p.idExpiry());
    }
}
