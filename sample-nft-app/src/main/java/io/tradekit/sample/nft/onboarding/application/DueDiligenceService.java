package io.tradekit.sample.nft.onboarding.application;

import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.lock.DistributeLock;
import io.tradekit.sample.nft.onboarding.domain.ApplicationRepository;
import io.tradekit.sample.nft.onboarding.domain.ApplicationStatus;
import io.tradekit.sample.nft.onboarding.domain.OnboardingApplication;
import io.tradekit.sample.nft.onboarding.domain.OnboardingErrorCode;
import io.tradekit.sample.nft.onboarding.domain.diligence.ChecklistAnswer;
import io.tradekit.sample.nft.onboarding.domain.diligence.DiligenceConclusion;
import io.tradekit.sample.nft.onboarding.domain.diligence.DueDiligence;
import io.tradekit.sample.nft.onboarding.domain.diligence.DueDiligenceChecklist;
import io.tradekit.sample.nft.onboarding.domain.diligence.DueDiligenceRepository;
import io.tradekit.sample.nft.onboarding.domain.diligence.ItemResult;
import io.tradekit.sample.nft.onboarding.domain.rule.RuleSet;
import io.tradekit.sample.nft.onboarding.domain.rule.RuleSetGateway;
import io.tradekit.sample.nft.onboarding.domain.staff.Staff;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Due diligence (尽职调查) of an application in {@code DUE_DILIGENCE}: the checklist derived from the rule
 * set it was pre-reviewed under, and the officer's record of it (answers, findings, conclusion), kept
 * under the same per-application lock as the state machine. {@code COMPLETE_DUE_DILIGENCE} then needs a
 * record concluded {@code PASS} (checked by {@link ApplicationActionService}).
 */
@Service
public class DueDiligenceService {

    static final int MAX_ITEMS = 100;
    static final int MAX_FINDINGS = 2000;
    static final int MAX_NOTE = 500;

    private final ApplicationRepository applications;
    private final DueDiligenceRepository records;
    private final RuleSetGateway ruleSets;
    private final StaffContext staffContext;
    private final Clock clock = Clock.systemUTC();

    public DueDiligenceService(ApplicationRepository applications, DueDiligenceRepository records,
                               RuleSetGateway ruleSets, StaffContext staffContext) {
        this.applications = applications;
        this.records = records;
        this.ruleSets = ruleSets;
        this.staffContext = staffContext;
    }

    /** The checklist and the latest record, for an officer of the application's branch. */
    public DueDiligenceView view(long applicationId) {
        OnboardingApplication application = find(applicationId);
        staffContext.requireOfficerOf(application);
        return view(application, checklist(application));
    }

    /**
     * Records the calling officer's due diligence of an application in {@code DUE_DILIGENCE}.
     *
     * @throws BizException {@code PARAM_INVALID} (missing, oversized or unreadable text, unknown or
     *                      missing items, a PASS with a discrepancy), {@code NOT_FOUND}, {@code FORBIDDEN},
     *                      {@code ILLEGAL_TRANSITION} outside due diligence
     */
    @DistributeLock(scene = ApplicationActionService.LOCK_SCENE, keyExpression = "#applicationId", waitTime = 10_000)
    @Transactional
    public DueDiligenceView record(long applicationId, DueDiligenceCommand command) {
        if (command == null) {
            throw invalid("the due diligence is required");
        }
        DiligenceConclusion conclusion = parse(DiligenceConclusion.class, "conclusion", command.conclusion());
        String findings = text("findings", command.findings(), MAX_FINDINGS, true);
        List<ChecklistAnswer> answers = answers(command.items());
        OnboardingApplication application = find(applicationId);
        Staff officer = staffContext.requireOfficerOf(application);
        if (application.status() != ApplicationStatus.DUE_DILIGENCE) {
            throw new BizException(OnboardingErrorCode.ILLEGAL_TRANSITION,
                    "due diligence is recorded in state DUE_DILIGENCE, not " + application.status());
        }
        DueDiligenceChecklist checklist = checklist(application);
        records.save(new DueDiligence(applicationId, application.ruleVersion(),
                checklist.answer(answers, conclusion), findings, conclusion, StaffContext.actor(officer),
                clock.instant()));
        return view(application, checklist);
    }

    private DueDiligenceView view(OnboardingApplication application, DueDiligenceChecklist checklist) {
        return new DueDiligenceView(application.id(), application.status().name(), application.ruleVersion(),
                checklist.items(), records.latest(application.id()).orElse(null));
    }

    private DueDiligenceChecklist checklist(OnboardingApplication application) {
        if (application.ruleVersion() == null) {
            throw new BizException(OnboardingErrorCode.ILLEGAL_TRANSITION, "no pre-review has run yet");
        }
        RuleSet rules = ruleSets.version(application.businessType(), application.ruleVersion()).orElseThrow(() ->
                new BizException(OnboardingErrorCode.REVIEW_BLOCKED, "rule set " + application.businessType()
                        + " v" + application.ruleVersion() + " is gone"));
        return DueDiligenceChecklist.of(rules, applications.latestReview(application.id()).orElse(null));
    }

    private OnboardingApplication find(long applicationId) {
        return applications.find(applicationId)
                .orElseThrow(() -> new BizException(CommonErrorCode.NOT_FOUND, "no such application"));
    }

    private static List<ChecklistAnswer> answers(List<DueDiligenceCommand.Item> items) {
        if (items == null || items.isEmpty()) {
            throw invalid("items must answer the checklist");
        }
        if (items.size() > MAX_ITEMS) {
            throw invalid("at most " + MAX_ITEMS + " items");
        }
        List<ChecklistAnswer> answers = new ArrayList<>(items.size());
        for (DueDiligenceCommand.Item item : items) {
            if (item == null || item.code() == null || !item.code().matches("[A-Z][A-Z0-9_]{0,39}")) {
                throw invalid("each item needs a checklist code");
            }
            answers.add(new ChecklistAnswer(item.code(), null, parse(ItemResult.class, "result", item.result()),
                    text("note", item.note(), MAX_NOTE, false)));
        }
        return answers;
    }

    /**
     * Officer text is data (stored, escaped in JSON, drawn as glyphs in the PDF): no length beyond the
     * limit, no control characters other than line breaks and tabs, no lone surrogates, and no bidi
     * overrides or isolates (U+202A-U+202E, U+2066-U+2069), which would make a printed record read
     * differently from what was stored.
     */
    static String text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw invalid(field + " is required");
            }
            return null;
        }
        if (value.length() > max) {
            throw invalid(field + " is at most " + max + " characters");
        }
        if (value.codePoints().anyMatch(DueDiligenceService::unprintable)) {
            throw invalid(field + " contains control characters");
        }
        return value.strip();
    }

    private static boolean unprintable(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL && c != '\n' && c != '\r' && c != '\t'
                || type == Character.SURROGATE
                || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid(field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static BizException invalid(String message) {
        return new BizException(CommonErrorCode.PARAM_INVALID, message);
    }
}
