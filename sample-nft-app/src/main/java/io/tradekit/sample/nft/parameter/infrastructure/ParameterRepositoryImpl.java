package io.tradekit.sample.nft.parameter.infrastructure;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.sample.nft.parameter.domain.BusinessType;
import io.tradekit.sample.nft.parameter.domain.Element;
import io.tradekit.sample.nft.parameter.domain.ParameterRepository;
import io.tradekit.sample.nft.parameter.domain.RuleSetVersion;
import io.tradekit.sample.nft.parameter.domain.Voucher;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

/** {@link ParameterRepository} on MyBatis-Plus; JSON for rule arguments and published snapshots. */
@Repository
class ParameterRepositoryImpl implements ParameterRepository {

    private static final TypeReference<Map<String, String>> ARGS = new TypeReference<>() { };
    private static final TypeReference<List<Element>> ELEMENTS = new TypeReference<>() { };

    private final VoucherMapper vouchers;
    private final ElementMapper elements;
    private final BusinessTypeMapper businessTypes;
    private final RuleSetVersionMapper versions;
    private final ObjectMapper json;

    ParameterRepositoryImpl(VoucherMapper vouchers, ElementMapper elements, BusinessTypeMapper businessTypes,
                            RuleSetVersionMapper versions, ObjectMapper json) {
        this.vouchers = vouchers;
        this.elements = elements;
        this.businessTypes = businessTypes;
        this.versions = versions;
        this.json = json;
    }

    @Override
    public List<Voucher> vouchers() {
        return vouchers.selectList(new QueryWrapper<VoucherDO>().orderByAsc("code")).stream()
                .map(v -> new Voucher(v.getCode(), v.getName())).toList();
    }

    @Override
    public Optional<Voucher> voucher(String code) {
        return Optional.ofNullable(vouchers.selectById(code)).map(v -> new Voucher(v.getCode(), v.getName()));
    }

    @Override
    public boolean insertVoucher(Voucher voucher) {
        VoucherDO row = new VoucherDO();
        row.setCode(voucher.code());
        row.setName(voucher.name());
        try {
            return vouchers.insert(row) == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public List<Element> elements(String voucherCode) {
        return elements.selectList(new QueryWrapper<ElementDO>().eq("voucher_code", voucherCode).orderByAsc("id"))
                .stream().map(this::toElement).toList();
    }

    @Override
    public Optional<Element> element(long id) {
        return Optional.ofNullable(elements.selectById(id)).map(this::toElement);
    }

    @Override
    public Optional<Element> insertElement(Element element) {
        ElementDO row = toRow(element);
        try {
            elements.insert(row);
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
        return Optional.of(element.withId(row.getId()));
    }

    @Override
    public void updateElement(Element element) {
        elements.updateById(toRow(element));
    }

    @Override
    public void deleteElement(long id) {
        elements.deleteById(id);
    }

    @Override
    public List<BusinessType> businessTypes() {
        return businessTypes.selectList(new QueryWrapper<BusinessTypeDO>().orderByAsc("code")).stream()
                .map(ParameterRepositoryImpl::toType).toList();
    }

    @Override
    public Optional<BusinessType> businessType(String code) {
        return Optional.ofNullable(businessTypes.selectById(code)).map(ParameterRepositoryImpl::toType);
    }

    @Override
    public void saveBusinessType(BusinessType type) {
        BusinessTypeDO row = new BusinessTypeDO();
        row.setCode(type.code());
        row.setName(type.name());
        row.setVoucherCodes(String.join(",", type.voucherCodes()));
        if (businessTypes.updateById(row) == 0) {
            businessTypes.insert(row);
        }
    }

    @Override
    public List<String> businessTypesUsing(String voucherCode) {
        // A handful of business types: filtering here keeps the binding a plain column.
        return businessTypes().stream().filter(t -> t.voucherCodes().contains(voucherCode))
                .map(BusinessType::code).toList();
    }

    @Override
    public Optional<RuleSetVersion> latestVersion(String businessType) {
        return versions.selectList(new QueryWrapper<RuleSetVersionDO>().eq("business_type", businessType)
                .orderByDesc("rule_version").last("LIMIT 1")).stream().findFirst().map(this::toDto);
    }

    @Override
    public Optional<RuleSetVersion> version(String businessType, int version) {
        return Optional.ofNullable(versions.selectOne(new QueryWrapper<RuleSetVersionDO>()
                .eq("business_type", businessType).eq("rule_version", version))).map(this::toDto);
    }

    @Override
    public boolean insertVersion(RuleSetVersion ruleSet) {
        RuleSetVersionDO row = new RuleSetVersionDO();
        row.setBusinessType(ruleSet.businessType());
        row.setRuleVersion(ruleSet.version());
        row.setSnapshot(write(ruleSet.elements()));
        row.setPublishedAt(LocalDateTime.ofInstant(ruleSet.publishedAt(), ZoneOffset.UTC));
        row.setPublishedBy(ruleSet.publishedBy());
        try {
            return versions.insert(row) == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private RuleSetVersion toDto(RuleSetVersionDO row) {
        try {
            return new RuleSetVersion(row.getBusinessType(), row.getRuleVersion(),
                    row.getPublishedAt().toInstant(ZoneOffset.UTC), row.getPublishedBy(),
                    json.readValue(row.getSnapshot(), ELEMENTS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable rule-set snapshot " + row.getBusinessType() + " v"
                    + row.getRuleVersion(), e);
        }
    }

    private Element toElement(ElementDO row) {
        try {
            return new Element(row.getId(), row.getVoucherCode(), row.getCode(), row.getName(), row.getSourceType(),
                    row.getSourcePath(), row.getRuleType(), json.readValue(row.getRuleArgs(), ARGS), row.getMessage());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable arguments of element " + row.getId(), e);
        }
    }

    private ElementDO toRow(Element element) {
        ElementDO row = new ElementDO();
        row.setId(element.id());
        row.setVoucherCode(element.voucherCode());
        row.setCode(element.code());
        row.setName(element.name());
        row.setSourceType(element.sourceType());
        row.setSourcePath(element.sourcePath());
        row.setRuleType(element.ruleType());
        row.setRuleArgs(write(element.args()));
        row.setMessage(element.message());
        return row;
    }

    private static BusinessType toType(BusinessTypeDO row) {
        return new BusinessType(row.getCode(), row.getName(),
                Arrays.stream(row.getVoucherCodes().split(",")).filter(s -> !s.isBlank()).toList());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
