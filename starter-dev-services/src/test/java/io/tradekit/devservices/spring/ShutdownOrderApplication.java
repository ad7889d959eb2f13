package io.tradekit.devservices.spring;

import io.tradekit.devservices.DevServices;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

/**
 * Run in a child JVM by {@link DevServicesShutdownOrderTest}: a Boot application on the Redis dev service
 * whose bean, when the context closes at JVM exit, still needs the server (as Dubbo's registry
 * unregistering from ZooKeeper or a lease release on Redis does). It prints what Redis answered then.
 */
@SpringBootConfiguration
public class ShutdownOrderApplication {

    /** The line the child prints when its bean is destroyed; the answer to PING follows it. */
    static final String MARKER = "PING-AT-CLOSE:";
    /** The argument that keeps the application running until the JVM is signalled. */
    static final String WAIT_FOR_SIGNAL = "--wait-for-signal";

    public static void main(String[] args) {
        new SpringApplicationBuilder(ShutdownOrderApplication.class).web(WebApplicationType.NONE)
                .properties("tradekit.dev-services.rocketmq.enabled=false", "tradekit.dev-services.zookeeper.enabled=false",
                        // Not a Redis client application otherwise: the contributor starts Redis for Redisson on the classpath.
                        "spring.main.banner-mode=off")
                .run(args);
        System.out.println("STARTED");
        if (List.of(args).contains(WAIT_FOR_SIGNAL)) {
            // Like a dev run: up until someone stops it (DevRunSignalsTest sends SIGTERM).
            waitForever();
        }
        // Like a test JVM's end (Surefire calls System.exit): every shutdown hook runs now, concurrently.
        System.exit(0);
    }

    private static void waitForever() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Bean
    DisposableBean pingsRedisOnClose() {
        int port = DevServices.redis().port();
        return () -> System.out.println(MARKER + ping(port));
    }

    private static String ping(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            int read = in.read(reply);
            return read <= 0 ? "no reply" : new String(reply, 0, read, StandardCharsets.US_ASCII).trim();
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }
}
