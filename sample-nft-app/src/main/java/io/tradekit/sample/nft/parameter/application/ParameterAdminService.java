package io.tradekit.sample.nft.parameter.application;

import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.sample.nft.parameter.api.ParameterAdminResolver;
import io.tradekit.sample.nft.parameter.api.RuleSetDTO;
import io.tradekit.sample.nft.parameter.domain.BusinessType;
import io.tradekit.sample.nft.parameter.domain.Element;
import io.tradekit.sample.nft.parameter.domain.ElementSpec;
import io.tradekit.sample.nft.parameter.domain.ParameterErrorCode;
import io.tradekit.sample.nft.parameter.domain.ParameterRepository;
import io.tradekit.sample.nft.parameter.domain.RuleSetVersion;
import io.tradekit.sample.nft.parameter.domain.Voucher;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Administrators' changes to vouchers, elements and business types. Each change publishes, in the
 * same transaction, a new immutable rule-set version for every business type it affects, so
 * applications reviewed before keep the version they were judged by.
 */
@Service
public class ParameterAdminService {

    private final ParameterRepository repository;
    private final RuleSetCacheInvalidator invalidator;
    private final ParameterAdminResolver admin;
    private final Clock clock = Clock.systemUTC();

    public ParameterAdminService(ParameterRepository repository, RuleSetCacheInvalidator invalidator,
                                 ParameterAdminResolver admin) {
        this.repository = repository;
        this.invalidator = invalidator;
        this.admin = admin;
    }

    public List<VoucherView> vouchers() {
        admin.requireAdmin();
        return repository.vouchers().stream().map(v -> new VoucherView(v.code(), v.name())).toList();
    }

    public List<ElementView> elements(String voucherCode) {
        admin.requireAdmin();
        requireVoucher(voucherCode);
        return repository.elements(voucherCode).stream().map(ParameterAdminService::view).toList();
    }

    public List<BusinessTypeView> businessTypes() {
        admin.requireAdmin();
        return repository.businessTypes().stream()
                .map(t -> new BusinessTypeView(t.code(), t.name(), t.voucherCodes())).toList();
    }

    /** A published version for administrators to inspect. */
    public RuleSetDTO ruleSet(String businessType, Integer version) {
        admin.requireAdmin();
        return (version == null ? repository.latestVersion(businessType) : repository.version(businessType, version))
                .map(RuleSetViews::dto).orElseThrow(() -> new BizException(CommonErrorCode.NOT_FOUND, "no such rule set"));
    }

    @Transactional
    public VoucherView createVoucher(String code, String name) {
        admin.requireAdmin();
        if (code == null || !ElementSpec.CODE.matcher(code).matches() || name == null || name.isBlank()
                || name.length() > 100) {
            throw new BizException(CommonErrorCode.PARAM_INVALID, "code must match " + ElementSpec.CODE.pattern()
                    + " and name be 1-100 characters");
        }
        Voucher voucher = new Voucher(code, name);
        if (!repository.insertVoucher(voucher)) {
            throw new BizException(ParameterErrorCode.DUPLICATE_CODE, "voucher " + code + " exists");
        }
        return new VoucherView(code, name);
    }

    @Transactional
    public ElementView addElement(String voucherCode, ElementCommand command) {
        String operator = admin.requireAdmin();
        requireVoucher(voucherCode);
        Element element = toElement(null, voucherCode, command);
        ElementSpec.check(element);
        Element saved = repository.insertElement(element).orElseThrow(() -> new BizException(
                ParameterErrorCode.DUPLICATE_CODE, "element " + command.code() + " exists in " + voucherCode));
        publishFor(voucherCode, operator);
        return view(saved);
    }

    @Transactional
    public ElementView updateElement(long id, ElementCommand command) {
        String operator = admin.requireAdmin();
        Element current = repository.element(id).orElseThrow(() -> new BizException(CommonErrorCode.NOT_FOUND));
        Element element = toElement(id, current.voucherCode(), command);
        if (!element.code().equals(current.code())) {
            throw new BizException(ParameterErrorCode.INVALID_ELEMENT, "an element's code cannot change");
        }
        ElementSpec.check(element);
        repository.updateElement(element);
        publishFor(current.voucherCode(), operator);
        return view(element);
    }

    @Transactional
    public void deleteElement(long id) {
        String operator = admin.requireAdmin();
        Element current = repository.element(id).orElseThrow(() -> new BizException(CommonErrorCode.NOT_FOUND));
        repository.deleteElement(id);
        publishFor(current.voucherCode(), operator);
    }

    @Transactional
    public RuleSetDTO saveBusinessType(BusinessTypeCommand command) {
        String operator = admin.requireAdmin();
        if (!ElementSpec.CODE.matcher(command.code()).matches()) {
            throw new BizException(CommonErrorCode.PARAM_INVALID, "code must match " + ElementSpec.CODE.pattern());
        }
        List<String> vouchers = List.copyOf(new LinkedHashSet<>(command.voucherCodes()));
        vouchers.forEach(this::requireVoucher);
        repository.saveBusinessType(new BusinessType(command.code(), command.name(), vouchers));
        return RuleSetViews.dto(publish(command.code(), operator));
    }

    private void publishFor(String voucherCode, String operator) {
        for (String type : repository.businessTypesUsing(voucherCode)) {
            publish(type, operator);
        }
    }

    /** Publishes the business type's current elements as version latest + 1, unless nothing changed. */
    private RuleSetVersion publish(String businessType, String operator) {
        BusinessType type = repository.businessType(businessType).orElseThrow();
        List<Element> elements = new ArrayList<>();
        for (String voucher : type.voucherCodes()) {
            // Snapshots carry no row ids: a version is its content.
            repository.elements(voucher).forEach(e -> elements.add(e.withId(null)));
        }
        RuleSetVersion latest = repository.latestVersion(businessType).orElse(null);
        if (latest != null && latest.elements().equals(elements)) {
            return latest;
        }
        RuleSetVersion next = new RuleSetVersion(businessType, latest == null ? 1 : latest.version() + 1,
                clock.instant(), operator, elements);
        // The unique (business type, version) key decides between two concurrent publishers.
        if (!repository.insertVersion(next)) {
            throw new BizException(ParameterErrorCode.VERSION_CONFLICT);
        }
        invalidateAfterCommit(businessType);
        return next;
    }

    private void invalidateAfterCommit(String businessType) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            invalidator.latestChanged(businessType);
            return;
        }
        // Invalidating before the commit would let a reader cache the old version again meanwhile.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                invalidator.latestChanged(businessType);
            }
        });
    }

    private void requireVoucher(String code) {
        if (code == null || repository.voucher(code).isEmpty()) {
            throw new BizException(ParameterErrorCode.UNKNOWN_VOUCHER, "unknown voucher " + code);
        }
    }

    private static ElementView view(Element e) {
        return new ElementView(e.id(), e.voucherCode(), e.code(), e.name(), e.sourceType(), e.sourcePath(),
                e.ruleType(), e.args(), e.message());
    }

    private static Element toElement(Long id, String voucherCode, ElementCommand c) {
        if (c.args() != null && c.args().entrySet().stream().anyMatch(e -> e.getKey() == null || e.getValue() == null)) {
            throw new BizException(ParameterErrorCode.INVALID_ELEMENT, "arguments must not be null");
        }
        return new Element(id, voucherCode, c.code(), c.name(), c.sourceType(), c.sourcePath(), c.ruleType(),
                c.args(), c.message());
    }
}
