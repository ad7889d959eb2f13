package io.tradekit.sample.nft.onboarding.application;

import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.sample.nft.onboarding.domain.ApplicationRepository;
import io.tradekit.sample.nft.onboarding.domain.ApplicationStatus;
import io.tradekit.sample.nft.onboarding.domain.Dossier;
import io.tradekit.sample.nft.onboarding.domain.DossierRenderer;
import io.tradekit.sample.nft.onboarding.domain.OnboardingApplication;
import io.tradekit.sample.nft.onboarding.domain.OnboardingErrorCode;
import io.tradekit.sample.nft.onboarding.domain.Transition;
import io.tradekit.sample.nft.onboarding.domain.TransitionAction;
import io.tradekit.sample.nft.onboarding.domain.diligence.DueDiligenceRepository;
import io.tradekit.sample.nft.onboarding.domain.staff.Staff;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * One-click print (一键打印): archives a ready application through {@link ApplicationActionService}
 * (same lock and state machine) and renders its dossier; an archived one can be downloaded again.
 */
@Service
public class DossierPrintService {

    private final ApplicationActionService actions;
    private final ApplicationRepository applications;
    private final DueDiligenceRepository dueDiligences;
    private final StaffContext staffContext;
    private final DossierRenderer renderer;

    public DossierPrintService(ApplicationActionService actions, ApplicationRepository applications,
                               DueDiligenceRepository dueDiligences, StaffContext staffContext,
                               DossierRenderer renderer) {
        this.actions = actions;
        this.applications = applications;
        this.dueDiligences = dueDiligences;
        this.staffContext = staffContext;
        this.renderer = renderer;
    }

    /** Prints: READY_TO_PRINT → ARCHIVED, then the PDF. */
    public byte[] print(long applicationId) {
        actions.act(applicationId, TransitionAction.PRINT, "one-click print");
        return download(applicationId);
    }

    /** The PDF of an archived application, for an officer of its branch. */
    public byte[] download(long applicationId) {
        OnboardingApplication application = applications.find(applicationId)
                .orElseThrow(() -> new BizException(CommonErrorCode.NOT_FOUND, "no such application"));
        Staff officer = staffContext.requireOfficerOf(application);
        if (application.status() != ApplicationStatus.ARCHIVED) {
            throw new BizException(OnboardingErrorCode.ILLEGAL_TRANSITION, "only a printed application has a dossier");
        }
        List<Transition> transitions = applications.transitions(applicationId);
        Transition printed = transitions.stream().filter(t -> t.action() == TransitionAction.PRINT)
                .reduce((a, b) -> b).orElseThrow();
        return renderer.render(new Dossier(application, applications.latestReview(applicationId).orElse(null),
                dueDiligences.latest(applicationId).orElse(null), transitions, officer.name(), officer.branchCode(),
                printed.at()));
    }
}
