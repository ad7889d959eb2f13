package io.tradekit.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.devservices.junit.WithDevServices;
import io.tradekit.devservices.redis.RedisDevService;
import io.tradekit.devservices.rocketmq.RocketMqDevService;
import io.tradekit.devservices.support.ListeningSockets;
import io.tradekit.devservices.zookeeper.ZooKeeperDevService;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Dev servers must never listen beyond this machine: every port they open is on 127.0.0.1. */
@WithDevServices
@EnabledOnOs(OS.LINUX) // reads the kernel's socket table from /proc
class LoopbackBindingTest {

    @Test
    void everyDevServerListensOnLoopbackOnly(RedisDevService redis, RocketMqDevService rocketMq,
                                             ZooKeeperDevService zooKeeper) throws Exception {
        List<Integer> ports = new ArrayList<>(rocketMq.listeningPorts());
        ports.add(redis.port());
        ports.add(zooKeeper.port());

        for (int port : ports) {
            List<String> addresses = ListeningSockets.addressesListeningOn(port);
            assertThat(addresses).as("listeners on port %d", port).isNotEmpty();
            assertThat(addresses).as("listeners on port %d", port).allMatch(ListeningSockets::isLoopback);
        }
    }
}
