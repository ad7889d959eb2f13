package io.tradekit.devservices.rocketmq;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import org.apache.rocketmq.store.DefaultMessageStore;
import org.apache.rocketmq.store.ha.DefaultHAService;

/**
 * RocketMQ's default HA service with its slave listener bound to 127.0.0.1 instead of every
 * interface, so the dev broker opens no port beyond loopback.
 *
 * <p>The broker finds it through RocketMQ's own service file
 * {@code META-INF/service/org.apache.rocketmq.store.ha.HAService}, shipped only in this dev/test
 * jar. The listen address is a private final field of RocketMQ 5.3's accept service, set from the
 * port alone, hence the reflection; if a RocketMQ upgrade renames it, start-up fails loudly here
 * rather than silently listening on all interfaces.
 */
public class LoopbackHAService extends DefaultHAService {

    @Override
    public void init(DefaultMessageStore defaultMessageStore) throws IOException {
        super.init(defaultMessageStore);
        int port = defaultMessageStore.getMessageStoreConfig().getHaListenPort();
        try {
            Field listen = AcceptSocketService.class.getDeclaredField("socketAddressListen");
            listen.setAccessible(true);
            listen.set(acceptSocketService, new InetSocketAddress("127.0.0.1", port));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot bind the RocketMQ dev broker's HA listener to 127.0.0.1"
                    + " (RocketMQ's DefaultHAService changed?)", e);
        }
    }
}
