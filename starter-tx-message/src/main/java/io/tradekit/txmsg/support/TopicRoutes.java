package io.tradekit.txmsg.support;

import java.util.Objects;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.remoting.exception.RemotingException;
import org.apache.rocketmq.remoting.protocol.ResponseCode;

/**
 * Asks the name server whether a topic exists, quietly. The client's own route refresh logs a WARN
 * with a stack trace for every topic it cannot find, at every refresh; a topic that does not exist
 * yet is often normal (a dead-letter topic appears with its first dead letter), so the starter asks
 * this way first and decides itself what deserves a log line.
 */
public final class TopicRoutes {

    /** What the name server said about a topic. */
    public enum Route {
        /** The topic has a route: producers can send, consumers can read. */
        PRESENT,
        /** The name server knows no such topic. */
        MISSING,
        /** The name server could not be asked (unreachable, timeout). */
        UNKNOWN
    }

    private static final long TIMEOUT_MILLIS = 3_000;

    private TopicRoutes() {
    }

    /**
     * Looks the topic up on the name server without any log line from the client.
     *
     * @throws NullPointerException when {@code client} or {@code topic} is null
     */
    public static Route lookup(MQClientInstance client, String topic) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(topic, "topic");
        try {
            // allowTopicNotExist=false: a missing topic is an exception here, not a WARN in the client's log.
            client.getMQClientAPIImpl().getTopicRouteInfoFromNameServer(topic, TIMEOUT_MILLIS, false);
            return Route.PRESENT;
        } catch (MQClientException e) {
            return e.getResponseCode() == ResponseCode.TOPIC_NOT_EXIST ? Route.MISSING : Route.UNKNOWN;
        } catch (RemotingException e) {
            return Route.UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Route.UNKNOWN;
        }
    }
}
