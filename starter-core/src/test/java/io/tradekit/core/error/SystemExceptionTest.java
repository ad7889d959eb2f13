package io.tradekit.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class SystemExceptionTest {

    @Test
    void defaultsToSystemErrorAndItsMessage() {
        SystemException exception = new SystemException();

        assertThat(exception.getErrorCode()).isEqualTo(CommonErrorCode.SYSTEM_ERROR);
        assertThat(exception.getMessage()).isEqualTo(CommonErrorCode.SYSTEM_ERROR.getMessage());
    }

    @Test
    void defaultsToSystemErrorWithAGivenMessageAndCause() {
        IOException cause = new IOException("disk full");

        SystemException exception = new SystemException("Cannot write the ledger.", cause);

        assertThat(exception.getErrorCode()).isEqualTo(CommonErrorCode.SYSTEM_ERROR);
        assertThat(exception.getMessage()).isEqualTo("Cannot write the ledger.");
        assertThat(exception.getCause()).isSameAs(cause);
        assertThat(new SystemException("Broken invariant.").getCode()).isEqualTo("SYSTEM_ERROR");
    }

    @Test
    void carriesAnyOtherCode() {
        SystemException exception = new SystemException(CommonErrorCode.REMOTE_CALL_FAILED);

        assertThat(exception.getCode()).isEqualTo("REMOTE_CALL_FAILED");
        assertThat(exception.getMessage()).isEqualTo(CommonErrorCode.REMOTE_CALL_FAILED.getMessage());
        assertThat(new SystemException(CommonErrorCode.LOCK_FAILED, "Lock order:1 is held.").getMessage())
                .isEqualTo("Lock order:1 is held.");
    }

    @Test
    void rejectsANullCodeWithAClearMessage() {
        assertThatNullPointerException()
                .isThrownBy(() -> new SystemException((ErrorCode) null))
                .withMessage("errorCode must not be null");
        assertThatNullPointerException()
                .isThrownBy(() -> new SystemException(null, "message", new IOException()))
                .withMessage("errorCode must not be null");
    }

    @Test
    void isAnUncheckedTradekitExceptionButNotABizException() {
        assertThat(new SystemException())
                .isInstanceOf(TradekitException.class)
                .isInstanceOf(RuntimeException.class)
                .isNotInstanceOf(BizException.class);
    }
}
