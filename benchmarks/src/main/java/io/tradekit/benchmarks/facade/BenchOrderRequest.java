package io.tradekit.benchmarks.facade;

import io.tradekit.core.log.Sensitive;
import io.tradekit.core.log.SensitiveType;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** The benchmark request: five constraints. */
public class BenchOrderRequest implements Serializable {

    private static final long serialVersionUID = 1L;

    @NotBlank
    private String buyerId;

    @NotBlank
    private String itemId;

    @Min(1)
    private int quantity;

    @Pattern(regexp = "1[0-9]{10}")
    @Sensitive(type = SensitiveType.MOBILE)
    private String mobile;

    @Size(max = 64)
    private String note;

    static BenchOrderRequest of(String buyerId, String itemId, int quantity, String mobile, String note) {
        BenchOrderRequest request = new BenchOrderRequest();
        request.buyerId = buyerId;
        request.itemId = itemId;
        request.quantity = quantity;
        request.mobile = mobile;
        request.note = note;
        return request;
    }

    public String getBuyerId() {
        return buyerId;
    }

    public String getItemId() {
        return itemId;
    }

    public int getQuantity() {
        return quantity;
    }
}
