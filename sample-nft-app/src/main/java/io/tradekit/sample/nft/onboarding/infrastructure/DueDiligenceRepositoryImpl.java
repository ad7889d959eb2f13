package io.tradekit.sample.nft.onboarding.infrastructure;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.sample.nft.onboarding.domain.diligence.ChecklistAnswer;
import io.tradekit.sample.nft.onboarding.domain.diligence.DiligenceConclusion;
import io.tradekit.sample.nft.onboarding.domain.diligence.DueDiligence;
import io.tradekit.sample.nft.onboarding.domain.diligence.DueDiligenceRepository;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** {@link DueDiligenceRepository} on MyBatis-Plus: one row per record, answers as JSON, times as UTC. */
@Repository
class DueDiligenceRepositoryImpl implements DueDiligenceRepository {

    private static final TypeReference<List<ChecklistAnswer>> ANSWERS = new TypeReference<>() {
    };

    private final DueDiligenceMapper mapper;
    private final ObjectMapper json;

    DueDiligenceRepositoryImpl(DueDiligenceMapper mapper, ObjectMapper json) {
        this.mapper = mapper;
        this.json = json;
    }

    @Override
    public void save(DueDiligence record) {
        DueDiligenceDO row = new DueDiligenceDO();
        row.setApplicationId(record.applicationId());
        row.setRuleVersion(record.ruleVersion());
        row.setConclusion(record.conclusion().name());
        row.setFindings(record.findings());
        row.setOfficer(record.officer());
        row.setRecordedAt(LocalDateTime.ofInstant(record.recordedAt(), ZoneOffset.UTC));
        try {
            row.setChecklist(json.writeValueAsString(record.checklist()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the due diligence checklist", e);
        }
        mapper.insert(row);
    }

    @Override
    public Optional<DueDiligence> latest(long applicationId) {
        return mapper.selectList(new QueryWrapper<DueDiligenceDO>().eq("application_id", applicationId)
                .orderByDesc("id").last("LIMIT 1")).stream().findFirst().map(this::toRecord);
    }

    private DueDiligence toRecord(DueDiligenceDO r) {
        List<ChecklistAnswer> answers;
        try {
            answers = json.readValue(r.getChecklist(), ANSWERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable due diligence " + r.getId(), e);
        }
        return new DueDiligence(r.getApplicationId(), r.getRuleVersion(), answers, r.getFindings(),
                DiligenceConclusion.valueOf(r.getConclusion()), r.getOfficer(),
                r.getRecordedAt().toInstant(ZoneOffset.UTC));
    }
}
