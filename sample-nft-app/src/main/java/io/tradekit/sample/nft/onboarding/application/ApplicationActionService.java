package io.tradekit.sample.nft.onboarding.application;

import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.lock.DistributeLock;
import io.tradekit.sample.nft.onboarding.domain.ApplicationRepository;
import io.tradekit.sample.nft.onboarding.domain.ApplicationStatus;
import io.tradekit.sample.nft.onboarding.domain.OnboardingApplication;
import io.tradekit.sample.nft.onboarding.domain.OnboardingErrorCode;
import io.tradekit.sample.nft.onboarding.domain.Transition;
import io.tradekit.sample.nft.onboarding.domain.TransitionAction;
import io.tradekit.sample.nft.onboarding.domain.diligence.DiligenceConclusion;
import io.tradekit.sample.nft.onboarding.domain.diligence.DueDiligence;
import io.tradekit.sample.nft.onboarding.domain.diligence.DueDiligenceRepository;
import io.tradekit.sample.nft.onboarding.domain.registry.CompanyRegistryGateway;
import io.tradekit.sample.nft.onboarding.domain.registry.RegistryCheck;
import io.tradekit.sample.nft.onboarding.domain.rule.CheckOutcome;
import io.tradekit.sample.nft.onboarding.domain.rule.ReviewReport;
import io.tradekit.sample.nft.onboarding.domain.rule.RuleEngine;
import io.tradekit.sample.nft.onboarding.domain.rule.RuleSet;
import io.tradekit.sample.nft.onboarding.domain.rule.RuleSetGateway;
import io.tradekit.sample.nft.onboarding.domain.staff.Staff;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every state-machine action on an application, one at a time per application: the lock (taken
 * before the transaction, released after its commit) serialises two officers acting at once, and
 * the conditional status update backs it up, so exactly one of them moves the application.
 */
@Service
public class ApplicationActionService {

    /** Lock scene of all actions on one application. */
    public static final String LOCK_SCENE = "ONBOARDING_APPLICATION";
    private static final int MAX_COMMENT = 500;

    private final ApplicationRepository applications;
    private final DueDiligenceRepository dueDiligences;
    private final StaffContext staffContext;
    private final RuleSetGateway ruleSets;
    private final CompanyRegistryGateway registry;
    private final OnboardingProperties properties;
    private final RuleEngine engine = new RuleEngine();
    private final Clock clock = Clock.systemUTC();

    public ApplicationActionService(ApplicationRepository applications, DueDiligenceRepository dueDiligences,
                                    StaffContext staffContext, RuleSetGateway ruleSets,
                                    CompanyRegistryGateway registry, OnboardingProperties properties) {
        this.applications = applications;
        this.dueDiligences = dueDiligences;
        this.staffContext = staffContext;
        this.ruleSets = ruleSets;
        this.registry = registry;
        this.properties = properties;
    }

    /**
     * Performs {@code action} as the calling officer of the application's branch.
     *
     * @return the application after the action
     * @throws BizException {@code NOT_FOUND}, {@code FORBIDDEN}, {@code ILLEGAL_TRANSITION} (also when
     *                      another officer moved it first) or {@code REVIEW_BLOCKED}
     */
    @DistributeLock(scene = LOCK_SCENE, keyExpression = "#applicationId", waitTime = 10_000)
    @Transactional
    public OnboardingApplication act(long applicationId, TransitionAction action, String comment) {
        return doAct(applicationId, action, comment);
    }

    /**
     * The web entry's form of {@link #act}: the action by name (PRINT has its own entry, which
     * returns the dossier), the result as the pre-review screen.
     */
    @DistributeLock(scene = LOCK_SCENE, keyExpression = "#applicationId", waitTime = 10_000)
    @Transactional
    public ApplicationView perform(long applicationId, String action, String comment) {
        TransitionAction parsed;
        try {
            parsed = TransitionAction.valueOf(action);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BizException(CommonErrorCode.PARAM_INVALID, "unknown action");
        }
        if (parsed == TransitionAction.PRINT) {
            throw new BizException(CommonErrorCode.PARAM_INVALID, "printing goes through the print entry");
        }
        OnboardingApplication after = doAct(applicationId, parsed, comment);
        return ApplicationView.of(after, applications.latestReview(applicationId).orElse(null),
                applications.transitions(applicationId), dueDiligences.latest(applicationId).orElse(null));
    }

    private OnboardingApplication doAct(long applicationId, TransitionAction action, String comment) {
        if (action == null) {
            throw new BizException(CommonErrorCode.PARAM_INVALID, "action is required");
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new BizException(CommonErrorCode.PARAM_INVALID, "comment is at most " + MAX_COMMENT + " characters");
        }
        OnboardingApplication application = applications.find(applicationId)
                .orElseThrow(() -> new BizException(CommonErrorCode.NOT_FOUND, "no such application"));
        Staff officer = staffContext.requireOfficerOf(application);
        ApplicationStatus to = action.apply(application.status());
        Integer ruleVersion = application.ruleVersion();
        String actor = StaffContext.actor(officer);
        if (action == TransitionAction.PRE_REVIEW) {
            ruleVersion = preReview(application, actor).ruleVersion();
        } else if (action == TransitionAction.APPROVE) {
            requirePassedReview(applicationId);
        } else if (action == TransitionAction.COMPLETE_DUE_DILIGENCE) {
            requirePassedDueDiligence(applicationId);
        }
        Transition transition = new Transition(applicationId, action, application.status(), to, actor, comment,
                clock.instant());
        if (!applications.transition(transition, ruleVersion)) {
            throw new BizException(OnboardingErrorCode.ILLEGAL_TRANSITION, "the application was changed meanwhile");
        }
        return applications.find(applicationId).orElseThrow();
    }

    private ReviewReport preReview(OnboardingApplication application, String actor) {
        RuleSet ruleSet = ruleSets.latest(application.businessType()).orElseThrow(() -> new BizException(
                OnboardingErrorCode.REVIEW_BLOCKED, "no rule set for " + application.businessType()));
        RegistryCheck answer = registry.lookup(application.creditCode(), application.companyName());
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, properties.getZone());
        ReviewReport report = engine.review(application, answer, ruleSet, day, now);
        applications.saveReview(application.id(), report, actor);
        return report;
    }

    private void requirePassedReview(long applicationId) {
        ReviewReport report = applications.latestReview(applicationId).orElseThrow(() -> new BizException(
                OnboardingErrorCode.REVIEW_BLOCKED, "no pre-review has run"));
        CheckOutcome overall = report.overall();
        if (overall == CheckOutcome.FAIL || overall == CheckOutcome.BLOCKED) {
            throw new BizException(OnboardingErrorCode.REVIEW_BLOCKED,
                    "pre-review " + overall + ": " + String.join("; ", report.exceptions()));
        }
    }

    /**
     * Completing due diligence needs its content: a record concluded PASS, made since the application
     * (last) entered due diligence, so a record of an earlier round never counts.
     */
    private void requirePassedDueDiligence(long applicationId) {
        DueDiligence latest = dueDiligences.latest(applicationId).orElseThrow(() -> new BizException(
                OnboardingErrorCode.DUE_DILIGENCE_INCOMPLETE, "record the due diligence first"));
        List<Transition> transitions = applications.transitions(applicationId);
        Instant entered = transitions.stream().filter(t -> t.to() == ApplicationStatus.DUE_DILIGENCE)
                .map(Transition::at).reduce((a, b) -> b).orElse(Instant.MIN);
        if (latest.recordedAt().isBefore(entered)) {
            throw new BizException(OnboardingErrorCode.DUE_DILIGENCE_INCOMPLETE,
                    "the recorded due diligence belongs to an earlier round");
        }
        if (latest.conclusion() != DiligenceConclusion.PASS) {
            throw new BizException(OnboardingErrorCode.DUE_DILIGENCE_INCOMPLETE,
                    "the due diligence concluded " + latest.conclusion());
        }
    }
}
