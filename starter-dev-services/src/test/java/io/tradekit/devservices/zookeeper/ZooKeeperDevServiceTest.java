package io.tradekit.devservices.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.devservices.DevServices;
import io.tradekit.devservices.junit.WithDevServices;
import java.nio.charset.StandardCharsets;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.Test;

@WithDevServices
class ZooKeeperDevServiceTest {

    @Test
    void createsAndReadsANode(ZooKeeperDevService zooKeeper) throws Exception {
        try (CuratorFramework client = CuratorFrameworkFactory.newClient(zooKeeper.connectString(), new RetryOneTime(100))) {
            client.start();
            client.blockUntilConnected();

            client.create().creatingParentsIfNeeded().forPath("/tradekit/devservices", "up".getBytes(StandardCharsets.UTF_8));

            assertThat(new String(client.getData().forPath("/tradekit/devservices"), StandardCharsets.UTF_8)).isEqualTo("up");
        }
    }

    @Test
    void givesDubboRegistryAddressOnLoopback(ZooKeeperDevService zooKeeper) {
        assertThat(zooKeeper.dubboRegistryAddress()).isEqualTo("zookeeper://127.0.0.1:" + zooKeeper.port());
        assertThat(DevServices.zooKeeper()).isSameAs(zooKeeper);
    }
}
