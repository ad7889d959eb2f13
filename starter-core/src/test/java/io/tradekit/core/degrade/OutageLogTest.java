package io.tradekit.core.degrade;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.error.SystemException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class OutageLogTest {

    @Test
    void tellsAnOutageFromOtherFailuresAnywhereInTheCauseChain() {
        ServerUnavailableException refused = new ServerUnavailableException("redis", Duration.ofSeconds(5), true, null);
        assertThat(OutageLog.isUnavailable(refused)).isTrue();
        assertThat(OutageLog.isUnavailable(new IllegalStateException("wrapped", new RuntimeException(refused)))).isTrue();
        assertThat(OutageLog.isUnavailable(new SystemException(CommonErrorCode.SERVICE_UNAVAILABLE))).isTrue();
        assertThat(OutageLog.isUnavailable(new BizException(CommonErrorCode.SERVICE_UNAVAILABLE))).isTrue();
        assertThat(OutageLog.isUnavailable(new SystemException(CommonErrorCode.SYSTEM_ERROR))).isFalse();
        assertThat(OutageLog.isUnavailable(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void logsTheFirstFailureThenAtMostOneCountPerInterval() {
        Logger logger = (Logger) LoggerFactory.getLogger("outage-log-test");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try {
            OutageLog outage = new OutageLog(logger, "Check-backs", Duration.ofHours(1));
            ServerUnavailableException refused = new ServerUnavailableException("redis", Duration.ofSeconds(5), true, null);
            for (int i = 0; i < 2_500; i++) {
                outage.record(refused);
            }
            assertThat(lines.list).hasSize(1);
            assertThat(lines.list.get(0).getFormattedMessage()).startsWith("Check-backs failed 1 time(s)")
                    .contains("The redis server is unavailable");
            assertThat(lines.list.get(0).getThrowableProxy()).isNull();
        } finally {
            logger.detachAppender(lines);
        }
    }
}
