package io.tradekit.sample.nft.onboarding.domain;

import io.tradekit.sample.nft.onboarding.domain.rule.ReviewReport;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Port: where {@link OnboardingApplication}s, their transitions and review reports are kept. */
public interface ApplicationRepository {

    /** Stores a new application with its persons; returns its id. */
    long insert(OnboardingApplication application);

    Optional<OnboardingApplication> find(long id);

    /**
     * Moves the application from {@code from} to {@code to} only if it is still in {@code from}
     * (a conditional update, never read-then-write), and records the transition in the same
     * transaction.
     *
     * @return whether this call made the move
     */
    boolean transition(Transition transition, Integer ruleVersion);

    List<Transition> transitions(long applicationId);

    void saveReview(long applicationId, ReviewReport report, String officer);

    Optional<ReviewReport> latestReview(long applicationId);

    /** One page of a branch's applications waiting for an officer, newest first. */
    PendingPage pending(PendingQuery query);

    /** Flags active applications with a person ID that expires between the two days; returns how many changed. */
    int flagExpiringIds(LocalDate from, LocalDate to);

    /** The query of the branch pending list; {@code status} and {@code keyword} may be {@code null}. */
    record PendingQuery(String branchCode, ApplicationStatus status, String keyword, int page, int size) {
    }

    /** A page of the pending list. */
    record PendingPage(List<OnboardingApplication> records, long total) {
    }
}
