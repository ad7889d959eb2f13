package io.tradekit.sample.nft.parameter.domain;

import java.util.List;
import java.util.Optional;

/** Port: where vouchers, elements, business types and published rule-set versions are kept. */
public interface ParameterRepository {

    List<Voucher> vouchers();

    Optional<Voucher> voucher(String code);

    /** Inserts the voucher; false when the code is taken. */
    boolean insertVoucher(Voucher voucher);

    List<Element> elements(String voucherCode);

    Optional<Element> element(long id);

    /** Inserts the element; empty when its code is taken within the voucher. */
    Optional<Element> insertElement(Element element);

    void updateElement(Element element);

    void deleteElement(long id);

    List<BusinessType> businessTypes();

    Optional<BusinessType> businessType(String code);

    /** Inserts or replaces the business type and its voucher bindings. */
    void saveBusinessType(BusinessType type);

    /** The business types bound to the voucher. */
    List<String> businessTypesUsing(String voucherCode);

    Optional<RuleSetVersion> latestVersion(String businessType);

    Optional<RuleSetVersion> version(String businessType, int version);

    /** Inserts the snapshot; false when that version number was taken meanwhile. */
    boolean insertVersion(RuleSetVersion ruleSet);
}
