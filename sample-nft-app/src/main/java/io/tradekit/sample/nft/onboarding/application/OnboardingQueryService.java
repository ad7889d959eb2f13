package io.tradekit.sample.nft.onboarding.application;

import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.response.PageResponse;
import io.tradekit.sample.nft.onboarding.domain.ApplicationRepository;
import io.tradekit.sample.nft.onboarding.domain.ApplicationRepository.PendingPage;
import io.tradekit.sample.nft.onboarding.domain.ApplicationRepository.PendingQuery;
import io.tradekit.sample.nft.onboarding.domain.ApplicationStatus;
import io.tradekit.sample.nft.onboarding.domain.OnboardingApplication;
import io.tradekit.sample.nft.onboarding.domain.diligence.DueDiligenceRepository;
import io.tradekit.sample.nft.onboarding.domain.staff.Staff;
import io.tradekit.sample.nft.onboarding.domain.staff.StaffRole;
import org.springframework.stereotype.Service;

/** What officers read: one application's screen (review, due diligence, history) and the branch pending list. */
@Service
public class OnboardingQueryService {

    /** Largest page of the pending list. */
    static final int MAX_PAGE_SIZE = 100;

    private final ApplicationRepository applications;
    private final DueDiligenceRepository dueDiligences;
    private final StaffContext staffContext;

    public OnboardingQueryService(ApplicationRepository applications, DueDiligenceRepository dueDiligences,
                                  StaffContext staffContext) {
        this.applications = applications;
        this.dueDiligences = dueDiligences;
        this.staffContext = staffContext;
    }

    /** The application with its stored review and transitions, for an officer of its branch. */
    public ApplicationView detail(long applicationId) {
        OnboardingApplication application = applications.find(applicationId)
                .orElseThrow(() -> new BizException(CommonErrorCode.NOT_FOUND, "no such application"));
        staffContext.requireOfficerOf(application);
        return ApplicationView.of(application, applications.latestReview(applicationId).orElse(null),
                applications.transitions(applicationId), dueDiligences.latest(applicationId).orElse(null));
    }

    /**
     * The calling officer's branch's applications that wait for an officer, newest first.
     *
     * @param status  only this state (must be one that waits for an officer), or all when {@code null}
     * @param keyword part of the company name or appointment number, or {@code null}
     */
    public PageResponse<PendingItemView> pending(String status, String keyword, int page, int size) {
        Staff officer = staffContext.require(StaffRole.OFFICER);
        if (page < 1 || page > 10_000 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new BizException(CommonErrorCode.PARAM_INVALID, "page is 1..10000 and size 1.." + MAX_PAGE_SIZE);
        }
        ApplicationStatus wanted = null;
        if (status != null && !status.isEmpty()) {
            try {
                wanted = ApplicationStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw new BizException(CommonErrorCode.PARAM_INVALID, "unknown status");
            }
            if (!wanted.awaitsOfficer()) {
                throw new BizException(CommonErrorCode.PARAM_INVALID, "status " + wanted + " waits for nobody");
            }
        }
        if (keyword != null && keyword.length() > 100) {
            throw new BizException(CommonErrorCode.PARAM_INVALID, "keyword is at most 100 characters");
        }
        String trimmed = keyword == null || keyword.isBlank() ? null : keyword.strip();
        PendingPage result = applications.pending(new PendingQuery(officer.branchCode(), wanted, trimmed, page, size));
        return PageResponse.of(result.records().stream().map(a -> new PendingItemView(a.id(), a.appointmentNo(),
                a.companyName(), a.status().name(), a.idExpiryFlag(), a.createdAt())).toList(),
                result.total(), page, size);
    }
}
