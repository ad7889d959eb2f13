package io.tradekit.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class BizExceptionTest {

    /** An application's own codes, as every service will declare them. */
    private enum OrderErrorCode implements ErrorCode {
        SOLD_OUT;

        @Override
        public String getCode() {
            return "ORDER_SOLD_OUT";
        }

        @Override
        public String getMessage() {
            return "The item is sold out.";
        }
    }

    @Test
    void usesTheMessageOfTheCodeWhenNoneIsGiven() {
        BizException exception = new BizException(CommonErrorCode.PARAM_INVALID);

        assertThat(exception.getErrorCode()).isEqualTo(CommonErrorCode.PARAM_INVALID);
        assertThat(exception.getCode()).isEqualTo("PARAM_INVALID");
        assertThat(exception.getMessage()).isEqualTo(CommonErrorCode.PARAM_INVALID.getMessage());
        assertThat(exception.getCause()).isNull();
    }

    @Test
    void usesTheMessageOfTheCodeWhenTheGivenMessageIsNull() {
        assertThat(new BizException(CommonErrorCode.BIZ_ERROR, null).getMessage())
                .isEqualTo(CommonErrorCode.BIZ_ERROR.getMessage());
    }

    @Test
    void keepsAnExplicitMessageAndCause() {
        IllegalStateException cause = new IllegalStateException("stock is negative");

        BizException exception = new BizException(OrderErrorCode.SOLD_OUT, "Item 42 is sold out.", cause);

        assertThat(exception.getCode()).isEqualTo("ORDER_SOLD_OUT");
        assertThat(exception.getMessage()).isEqualTo("Item 42 is sold out.");
        assertThat(exception.getCause()).isSameAs(cause);
    }

    @Test
    void rejectsANullCodeWithAClearMessage() {
        assertThatNullPointerException()
                .isThrownBy(() -> new BizException(null, "message"))
                .withMessage("errorCode must not be null");
    }

    @Test
    void isAnUncheckedTradekitException() {
        assertThat(new BizException(CommonErrorCode.BIZ_ERROR))
                .isInstanceOf(TradekitException.class)
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void survivesJavaSerializationWithItsCode() throws IOException, ClassNotFoundException {
        BizException original = new BizException(CommonErrorCode.DUPLICATE_REQUEST, "Already paid.");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }
        Object copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = in.readObject();
        }

        assertThat(copy).isInstanceOfSatisfying(BizException.class, restored -> {
            assertThat(restored.getErrorCode()).isEqualTo(CommonErrorCode.DUPLICATE_REQUEST);
            assertThat(restored.getMessage()).isEqualTo("Already paid.");
        });
    }
}
