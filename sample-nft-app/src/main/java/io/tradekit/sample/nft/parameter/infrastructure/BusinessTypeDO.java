package io.tradekit.sample.nft.parameter.infrastructure;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** Row of {@code param_business_type}; the bound vouchers as a comma-separated list. */
@TableName("param_business_type")
public class BusinessTypeDO {
    @TableId(type = IdType.INPUT)
    private String code;
    private String name;
    private String voucherCodes;

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getVoucherCodes() {
        return voucherCodes;
    }

    public void setVoucherCodes(String voucherCodes) {
        this.voucherCodes = voucherCodes;
    }
}
