package io.tradekit.core.redis;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.resource.ClientResources;
import org.springframework.boot.autoconfigure.data.redis.RedisConnectionDetails;
import org.springframework.boot.autoconfigure.data.redis.RedisConnectionDetails.Node;
import org.springframework.boot.autoconfigure.data.redis.RedisProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a starter's own Lettuce client from Spring Boot's {@link RedisConnectionDetails} (present
 * when Spring Data Redis is on the classpath, also for Docker Compose / Testcontainers services) or,
 * without it, from {@code spring.data.redis.*} ({@link RedisProperties}): standalone, sentinel or
 * cluster, with SSL bundles, auto-reconnect, and commands rejected at once while disconnected.
 */
public final class LettuceClients {

    private LettuceClients() {
    }

    /**
     * Binds {@code spring.data.redis.*} from {@code environment} (defaults when absent).
     *
     * @param environment the application's environment
     * @return the bound properties, never {@code null}
     */
    public static RedisProperties redisProperties(Environment environment) {
        return Binder.get(environment).bind("spring.data.redis", RedisProperties.class).orElseGet(RedisProperties::new);
    }

    /**
     * Creates a client; nothing is connected yet.
     *
     * @param details        Spring Boot's connection details, or {@code null} to use {@code properties}
     * @param properties     {@code spring.data.redis.*} (its connect timeout wins when set)
     * @param resources      shared client resources, or {@code null} for the client's own
     * @param connectTimeout the connect timeout when {@code spring.data.redis.connect-timeout} is not set
     * @param commandTimeout the longest wait for one command
     * @return a {@link RedisClient} or a {@link RedisClusterClient}
     */
    public static AbstractRedisClient create(RedisConnectionDetails details, RedisProperties properties,
                                             ClientResources resources, Duration connectTimeout,
                                             Duration commandTimeout) {
        Duration connect = properties.getConnectTimeout() != null ? properties.getConnectTimeout() : connectTimeout;
        SocketOptions socket = SocketOptions.builder().connectTimeout(connect).build();
        TimeoutOptions timeouts = TimeoutOptions.enabled(commandTimeout);
        if (details != null) {
            return fromDetails(details, resources, socket, timeouts, commandTimeout);
        }
        return fromProperties(properties, resources, socket, timeouts, commandTimeout);
    }

    private static AbstractRedisClient fromDetails(RedisConnectionDetails details, ClientResources resources,
                                                   SocketOptions socket, TimeoutOptions timeouts, Duration timeout) {
        if (details.getCluster() != null) {
            List<RedisURI> nodes = new ArrayList<>();
            for (Node node : details.getCluster().getNodes()) {
                nodes.add(auth(RedisURI.builder().withHost(node.host()).withPort(node.port()), details.getUsername(),
                        details.getPassword()).withSsl(details.getCluster().getSslBundle() != null)
                        .withTimeout(timeout).build());
            }
            return cluster(resources, nodes, socket, timeouts, details.getCluster().getSslBundle());
        }
        if (details.getSentinel() != null) {
            RedisConnectionDetails.Sentinel sentinel = details.getSentinel();
            RedisURI.Builder uri = RedisURI.builder().withSentinelMasterId(sentinel.getMaster())
                    .withDatabase(sentinel.getDatabase()).withTimeout(timeout)
                    .withSsl(sentinel.getSslBundle() != null);
            for (Node node : sentinel.getNodes()) {
                uri.withSentinel(node.host(), node.port(), sentinel.getPassword());
            }
            return standalone(resources, auth(uri, details.getUsername(), details.getPassword()).build(), socket,
                    timeouts, sentinel.getSslBundle());
        }
        RedisConnectionDetails.Standalone standalone = details.getStandalone();
        RedisURI.Builder uri = RedisURI.builder().withHost(standalone.getHost()).withPort(standalone.getPort())
                .withDatabase(standalone.getDatabase()).withTimeout(timeout)
                .withSsl(standalone.getSslBundle() != null);
        return standalone(resources, auth(uri, details.getUsername(), details.getPassword()).build(), socket,
                timeouts, standalone.getSslBundle());
    }

    private static AbstractRedisClient fromProperties(RedisProperties properties, ClientResources resources,
                                                      SocketOptions socket, TimeoutOptions timeouts, Duration timeout) {
        boolean ssl = properties.getSsl().isEnabled();
        if (properties.getCluster() != null && properties.getCluster().getNodes() != null) {
            List<RedisURI> nodes = new ArrayList<>();
            for (String node : properties.getCluster().getNodes()) {
                nodes.add(auth(RedisURI.builder(RedisURI.create("redis://" + node)), properties.getUsername(),
                        properties.getPassword()).withSsl(ssl).withTimeout(timeout).build());
            }
            return cluster(resources, nodes, socket, timeouts, null);
        }
        if (properties.getSentinel() != null && properties.getSentinel().getMaster() != null) {
            RedisProperties.Sentinel sentinel = properties.getSentinel();
            RedisURI.Builder uri = RedisURI.builder().withSentinelMasterId(sentinel.getMaster())
                    .withDatabase(properties.getDatabase()).withTimeout(timeout).withSsl(ssl);
            for (String node : sentinel.getNodes()) {
                RedisURI address = RedisURI.create("redis://" + node);
                uri.withSentinel(address.getHost(), address.getPort(), sentinel.getPassword());
            }
            return standalone(resources, auth(uri, properties.getUsername(), properties.getPassword()).build(),
                    socket, timeouts, null);
        }
        if (StringUtils.hasText(properties.getUrl())) {
            RedisURI uri = RedisURI.create(properties.getUrl());
            uri.setTimeout(timeout);
            return standalone(resources, uri, socket, timeouts, null);
        }
        RedisURI.Builder uri = RedisURI.builder().withHost(properties.getHost()).withPort(properties.getPort())
                .withDatabase(properties.getDatabase()).withTimeout(timeout).withSsl(ssl);
        return standalone(resources, auth(uri, properties.getUsername(), properties.getPassword()).build(), socket,
                timeouts, null);
    }

    private static RedisURI.Builder auth(RedisURI.Builder uri, String username, String password) {
        if (password != null) {
            if (StringUtils.hasText(username)) {
                uri.withAuthentication(username, password);
            } else {
                uri.withPassword(password.toCharArray());
            }
        }
        return uri;
    }

    private static RedisClient standalone(ClientResources resources, RedisURI uri, SocketOptions socket,
                                          TimeoutOptions timeouts, SslBundle bundle) {
        RedisClient client = resources != null ? RedisClient.create(resources, uri) : RedisClient.create(uri);
        ClientOptions.Builder options = ClientOptions.builder().autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(socket).timeoutOptions(timeouts);
        if (bundle != null) {
            options.sslOptions(sslOptions(bundle));
        }
        client.setOptions(options.build());
        return client;
    }

    private static RedisClusterClient cluster(ClientResources resources, List<RedisURI> nodes, SocketOptions socket,
                                              TimeoutOptions timeouts, SslBundle bundle) {
        RedisClusterClient client = resources != null
                ? RedisClusterClient.create(resources, nodes) : RedisClusterClient.create(nodes);
        ClusterClientOptions.Builder options = ClusterClientOptions.builder().autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(socket).timeoutOptions(timeouts);
        if (bundle != null) {
            options.sslOptions(sslOptions(bundle));
        }
        client.setOptions(options.build());
        return client;
    }

    private static SslOptions sslOptions(SslBundle bundle) {
        return SslOptions.builder()
                .keyManager(bundle.getManagers().getKeyManagerFactory())
                .trustManager(bundle.getManagers().getTrustManagerFactory())
                .build();
    }
}
