package io.tradekit.devservices.standalone;

import java.util.Set;
import java.util.TreeSet;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RemotingSerializable;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.header.namesrv.GetRouteInfoRequestHeader;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;

/**
 * Asks a name server, over RocketMQ's own remoting protocol, which brokers it knows and routes a topic
 * to: what a producer will be told. The launcher's check that every broker took part before it says
 * "ready" (it has no RocketMQ client on its class path, only the servers').
 */
final class NameServerProbe implements AutoCloseable {

    private static final long CALL_TIMEOUT_MILLIS = 3_000;

    private final String address;
    private final NettyRemotingClient client;

    NameServerProbe(String address) {
        this.address = address;
        this.client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
    }

    /** Names of the brokers registered with the name server. */
    Set<String> brokers() throws Exception {
        RemotingCommand response = client.invokeSync(address,
                RemotingCommand.createRequestCommand(RequestCode.GET_BROKER_CLUSTER_INFO, null), CALL_TIMEOUT_MILLIS);
        if (response.getCode() != ResponseCode.SUCCESS || response.getBody() == null) {
            return Set.of();
        }
        return new TreeSet<>(ClusterInfo.decode(response.getBody(), ClusterInfo.class).getBrokerAddrTable().keySet());
    }

    /** Names of the brokers {@code topic} is routed to (empty: no route yet). */
    Set<String> brokersOf(String topic) throws Exception {
        GetRouteInfoRequestHeader header = new GetRouteInfoRequestHeader();
        header.setTopic(topic);
        RemotingCommand response = client.invokeSync(address,
                RemotingCommand.createRequestCommand(RequestCode.GET_ROUTEINFO_BY_TOPIC, header), CALL_TIMEOUT_MILLIS);
        if (response.getCode() != ResponseCode.SUCCESS || response.getBody() == null) {
            return Set.of();
        }
        Set<String> names = new TreeSet<>();
        for (BrokerData broker : RemotingSerializable.decode(response.getBody(), TopicRouteData.class).getBrokerDatas()) {
            names.add(broker.getBrokerName());
        }
        return names;
    }

    @Override
    public void close() {
        client.shutdown();
    }
}
