package io.tradekit.remote.dubbo.api;

import io.tradekit.core.log.Sensitive;
import io.tradekit.core.log.SensitiveType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;

public class CreateOrderRequest implements Serializable {

    private static final long serialVersionUID = 1L;

    @NotBlank
    private String buyerId;

    @NotBlank
    @Sensitive(type = SensitiveType.MOBILE)
    private String mobile;

    @Sensitive(type = SensitiveType.ID_CARD)
    private String idCard;

    @Valid
    @NotNull
    private OrderItem item;

    @NotBlank(groups = Premium.class)
    private String couponCode;

    @Size(max = 100000)
    private String note;

    private List<@Valid OrderItem> extras;

    /** A valid request: buyer b-1, phone and ID number that must never reach a log raw. */
    public static CreateOrderRequest valid() {
        CreateOrderRequest request = new CreateOrderRequest();
        request.setBuyerId("b-1");
        request.setMobile("13812345678");
        request.setIdCard("11010519491231002X");
        request.setItem(new OrderItem("nft-7", 2));
        return request;
    }

    public String getBuyerId() {
        return buyerId;
    }

    public void setBuyerId(String buyerId) {
        this.buyerId = buyerId;
    }

    public String getMobile() {
        return mobile;
    }

    public void setMobile(String mobile) {
        this.mobile = mobile;
    }

    public String getIdCard() {
        return idCard;
    }

    public void setIdCard(String idCard) {
        this.idCard = idCard;
    }

    public OrderItem getItem() {
        return item;
    }

    public void setItem(OrderItem item) {
        this.item = item;
    }

    public String getCouponCode() {
        return couponCode;
    }

    public void setCouponCode(String couponCode) {
        this.couponCode = couponCode;
    }

    public List<OrderItem> getExtras() {
        return extras;
    }

    public void setExtras(List<OrderItem> extras) {
        this.extras = extras;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
