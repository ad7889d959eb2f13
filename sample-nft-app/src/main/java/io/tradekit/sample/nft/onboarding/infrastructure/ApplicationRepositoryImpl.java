package io.tradekit.sample.nft.onboarding.infrastructure;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.UpdateWrapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.core.error.BizException;
import io.tradekit.sample.nft.onboarding.domain.ApplicationRepository;
import io.tradekit.sample.nft.onboarding.domain.ApplicationStatus;
import io.tradekit.sample.nft.onboarding.domain.IdType;
import io.tradekit.sample.nft.onboarding.domain.OnboardingApplication;
import io.tradekit.sample.nft.onboarding.domain.OnboardingErrorCode;
import io.tradekit.sample.nft.onboarding.domain.PersonRole;
import io.tradekit.sample.nft.onboarding.domain.RelatedPerson;
import io.tradekit.sample.nft.onboarding.domain.Transition;
import io.tradekit.sample.nft.onboarding.domain.TransitionAction;
import io.tradekit.sample.nft.onboarding.domain.rule.ReviewReport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

/** {@link ApplicationRepository} on MyBatis-Plus; times stored as UTC, reviews as JSON. */
@Repository
class ApplicationRepositoryImpl implements ApplicationRepository {

    private static final List<String> AWAITING = Arrays.stream(ApplicationStatus.values())
            .filter(ApplicationStatus::awaitsOfficer).map(Enum::name).toList();

    private final ApplicationMapper applications;
    private final PersonMapper persons;
    private final TransitionMapper transitions;
    private final ReviewMapper reviews;
    private final ObjectMapper json;

    ApplicationRepositoryImpl(ApplicationMapper applications, PersonMapper persons, TransitionMapper transitions,
                              ReviewMapper reviews, ObjectMapper json) {
        this.applications = applications;
        this.persons = persons;
        this.transitions = transitions;
        this.reviews = reviews;
        this.json = json;
    }

    @Override
    public long insert(OnboardingApplication a) {
        ApplicationDO row = new ApplicationDO();
        row.setAppointmentNo(a.appointmentNo());
        row.setCreditCode(a.creditCode());
        row.setCompanyName(a.companyName());
        row.setBranchCode(a.branchCode());
        row.setBusinessType(a.businessType());
        row.setChannel(a.channel());
        row.setStatus(a.status().name());
        row.setIdExpiryFlag(false);
        row.setCreatedAt(utc(a.createdAt()));
        row.setUpdatedAt(utc(a.createdAt()));
        try {
            applications.insert(row);
        } catch (DuplicateKeyException e) {
            throw new BizException(OnboardingErrorCode.DUPLICATE_APPOINTMENT);
        }
        for (RelatedPerson p : a.persons()) {
            PersonDO person = new PersonDO();
            person.setApplicationId(row.getId());
            person.setPersonRole(p.role().name());
            person.setName(p.name());
            person.setNationality(p.nationality());
            person.setIdType(p.idType().name());
            person.setIdNumber(p.idNumber());
            person.setBirthDate(p.birthDate());
            person.setIdExpiry(p.idExpiry());
            persons.insert(person);
        }
        return row.getId();
    }

    @Override
    public Optional<OnboardingApplication> find(long id) {
        ApplicationDO row = applications.selectById(id);
        if (row == null) {
            return Optional.empty();
        }
        List<RelatedPerson> people = persons.selectList(new QueryWrapper<PersonDO>().eq("application_id", id)
                .orderByAsc("id")).stream().map(ApplicationRepositoryImpl::toPerson).toList();
        return Optional.of(toApplication(row, people));
    }

    @Override
    public boolean transition(Transition t, Integer ruleVersion) {
        int changed = applications.update(null, new UpdateWrapper<ApplicationDO>()
                .set("status", t.to().name()).set("rule_version", ruleVersion).set("updated_at", utc(t.at()))
                .eq("id", t.applicationId()).eq("status", t.from().name()));
        if (changed != 1) {
            return false;
        }
        TransitionDO row = new TransitionDO();
        row.setApplicationId(t.applicationId());
        row.setAction(t.action().name());
        row.setFromStatus(t.from().name());
        row.setToStatus(t.to().name());
        row.setActor(t.actor());
        row.setComment(t.comment());
        row.setOccurredAt(utc(t.at()));
        transitions.insert(row);
        return true;
    }

    @Override
    public List<Transition> transitions(long applicationId) {
        return transitions.selectList(new QueryWrapper<TransitionDO>().eq("application_id", applicationId)
                .orderByAsc("id")).stream().map(r -> new Transition(r.getApplicationId(),
                TransitionAction.valueOf(r.getAction()), ApplicationStatus.valueOf(r.getFromStatus()),
                ApplicationStatus.valueOf(r.getToStatus()), r.getActor(), r.getComment(), instant(r.getOccurredAt())))
                .toList();
    }

    @Override
    public void saveReview(long applicationId, ReviewReport report, String officer) {
        ReviewDO row = new ReviewDO();
        row.setApplicationId(applicationId);
        row.setRuleVersion(report.ruleVersion());
        row.setOfficer(officer);
        row.setCreatedAt(utc(report.reviewedAt()));
        try {
            row.setReport(json.writeValueAsString(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write review report", e);
        }
        reviews.insert(row);
    }

    @Override
    public Optional<ReviewReport> latestReview(long applicationId) {
        return reviews.selectList(new QueryWrapper<ReviewDO>().eq("application_id", applicationId)
                .orderByDesc("id").last("LIMIT 1")).stream().findFirst().map(r -> {
                    try {
                        return json.readValue(r.getReport(), ReviewReport.class);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("unreadable review " + r.getId(), e);
                    }
                });
    }

    @Override
    public PendingPage pending(PendingQuery q) {
        QueryWrapper<ApplicationDO> where = new QueryWrapper<ApplicationDO>().eq("branch_code", q.branchCode());
        if (q.status() != null) {
            where.eq("status", q.status().name());
        } else {
            where.in("status", AWAITING);
        }
        if (q.keyword() != null) {
            String pattern = likeEscaped(q.keyword());
            where.and(w -> w.like("company_name", pattern).or().like("appointment_no", pattern));
        }
        long total = applications.selectCount(where);
        long offset = (long) (q.page() - 1) * q.size();
        // page and size are range-checked ints, so the LIMIT clause carries no user text.
        List<OnboardingApplication> records = applications.selectList(where.orderByDesc("id")
                .last("LIMIT " + q.size() + " OFFSET " + offset)).stream()
                .map(r -> toApplication(r, List.of())).toList();
        return new PendingPage(records, total);
    }

    @Override
    public int flagExpiringIds(LocalDate from, LocalDate to) {
        return applications.flagExpiring(from, to);
    }

    /** LIKE wildcards in the user's keyword match themselves, not anything. */
    static String likeEscaped(String keyword) {
        return keyword.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static OnboardingApplication toApplication(ApplicationDO r, List<RelatedPerson> people) {
        return new OnboardingApplication(r.getId(), r.getAppointmentNo(), r.getCreditCode(), r.getCompanyName(),
                r.getBranchCode(), r.getBusinessType(), r.getChannel(), ApplicationStatus.valueOf(r.getStatus()),
                r.getRuleVersion(), Boolean.TRUE.equals(r.getIdExpiryFlag()), instant(r.getCreatedAt()), people);
    }

    private static RelatedPerson toPerson(PersonDO p) {
        return new RelatedPerson(PersonRole.valueOf(p.getPersonRole()), p.getName(), p.getNationality(),
                IdType.valueOf(p.getIdType()), p.getIdNumber(), p.getBirthDate(), p.getIdExpiry());
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime time) {
        return time.toInstant(ZoneOffset.UTC);
    }
}
