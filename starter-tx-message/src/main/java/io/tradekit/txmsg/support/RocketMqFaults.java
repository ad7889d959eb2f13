package io.tradekit.txmsg.support;

import java.util.Set;
import org.apache.rocketmq.client.common.ClientErrorCode;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.remoting.exception.RemotingConnectException;
import org.apache.rocketmq.remoting.exception.RemotingSendRequestException;
import org.apache.rocketmq.remoting.exception.RemotingTimeoutException;
import org.apache.rocketmq.remoting.exception.RemotingTooMuchRequestException;

/**
 * Tells a RocketMQ server fault (name server or broker unreachable, no answer within the send
 * timeout, no route because the broker is gone) from an answer of the broker or a fault of the
 * caller (producer not started, bad message): only faults count for the {@code rocketmq} breaker.
 */
public final class RocketMqFaults {

    /**
     * The client's own codes for "cannot reach a server": broker connect failure or timeout, broker
     * unknown to the route, no name server, no route of the topic (the broker unregistered when it
     * stopped, or the name server is down), request timeout.
     */
    private static final Set<Integer> CLIENT_FAULT_CODES = Set.of(
            ClientErrorCode.CONNECT_BROKER_EXCEPTION,
            ClientErrorCode.ACCESS_BROKER_TIMEOUT,
            ClientErrorCode.BROKER_NOT_EXIST_EXCEPTION,
            ClientErrorCode.NO_NAME_SERVER_EXCEPTION,
            ClientErrorCode.NOT_FOUND_TOPIC_EXCEPTION,
            ClientErrorCode.REQUEST_TIMEOUT_EXCEPTION);

    private RocketMqFaults() {
    }

    /** Whether {@code failure} (or a cause) means the name server or the broker could not be reached in time. */
    public static boolean isServerFault(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause(), depth++) {
            // RemotingTooMuchRequestException is also what sendDefaultImpl throws once the send timeout is spent.
            if (t instanceof RemotingConnectException || t instanceof RemotingTimeoutException
                    || t instanceof RemotingSendRequestException || t instanceof RemotingTooMuchRequestException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof MQClientException client && CLIENT_FAULT_CODES.contains(client.getResponseCode())) {
                return true;
            }
        }
        return false;
    }
}
