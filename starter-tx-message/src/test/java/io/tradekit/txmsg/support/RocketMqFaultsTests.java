package io.tradekit.txmsg.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import org.apache.rocketmq.client.common.ClientErrorCode;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.remoting.exception.RemotingConnectException;
import org.apache.rocketmq.remoting.exception.RemotingTimeoutException;
import org.apache.rocketmq.remoting.exception.RemotingTooMuchRequestException;
import org.junit.jupiter.api.Test;

/** Only "the name server or broker cannot be reached in time" counts for the rocketmq breaker. */
class RocketMqFaultsTests {

    @Test
    void unreachableServersAreFaultsAnywhereInTheChain() {
        // What sendMessageInTransaction throws once the retries to a stopped broker are spent.
        assertThat(RocketMqFaults.isServerFault(new MQClientException("send message Exception",
                new MQClientException("Send [3] times, still failed", new RemotingConnectException("127.0.0.1:1")))))
                .isTrue();
        assertThat(RocketMqFaults.isServerFault(new MQClientException("send message Exception",
                new MQClientException(ClientErrorCode.NOT_FOUND_TOPIC_EXCEPTION, "No route info of this topic: t"))))
                .isTrue();
        assertThat(RocketMqFaults.isServerFault(
                new MQClientException(ClientErrorCode.NO_NAME_SERVER_EXCEPTION, "No name server address"))).isTrue();
        assertThat(RocketMqFaults.isServerFault(new RemotingTimeoutException("127.0.0.1:1", 1000))).isTrue();
        assertThat(RocketMqFaults.isServerFault(new RemotingTooMuchRequestException("sendDefaultImpl call timeout")))
                .isTrue();
        assertThat(RocketMqFaults.isServerFault(new IllegalStateException(new ConnectException("refused")))).isTrue();
    }

    @Test
    void answersAndCallerFaultsAreNot() {
        assertThat(RocketMqFaults.isServerFault(new MQClientException(-1, "The producer service state not OK")))
                .isFalse();
        assertThat(RocketMqFaults.isServerFault(new MQClientException("send message Exception",
                new MQBrokerException(2, "[TIMEOUT_CLEAN_QUEUE]broker busy")))).isFalse();
        assertThat(RocketMqFaults.isServerFault(new IllegalArgumentException("bad message"))).isFalse();
        assertThat(RocketMqFaults.isServerFault(null)).isFalse();
    }
}
