package io.tradekit.idempotent.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.Ordered;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of idempotent tokens, {@code tradekit.idempotent.*}, bound for
 * {@link IdempotentTokenAutoConfiguration}.
 */
@ConfigurationProperties("tradekit.idempotent")
public class IdempotentTokenProperties {

    /** Whether idempotent tokens (service, filter, endpoint, annotation) are enabled. */
    private boolean enabled = true;

    /** Prefix of every Redis key; a key is prefix + token + ":" + scene. */
    private String keyPrefix = "tradekit:idempotent:";

    /** How long an issued token stays valid. */
    private Duration ttl = Duration.ofMinutes(30);

    /** Request header carrying the token (the IETF draft's name by default). */
    private String header = "Idempotency-Key";

    /**
     * URL patterns guarded by the filter, each with the scene whose tokens it spends; servlet
     * syntax (/exact, /prefix/*, *.ext). Without any, no filter is registered.
     */
    private List<UrlPattern> urlPatterns = new ArrayList<>();

    /** Order of the filter among servlet filters (after Spring Security's chain at -100). */
    private int filterOrder = 0;

    /** Order of the @IdempotentToken advisor among method advisors. */
    private int aopOrder = Ordered.HIGHEST_PRECEDENCE + 1;

    /** The token endpoint. */
    private final Endpoint endpoint = new Endpoint();

    /** The starter's own Lettuce connection (address from spring.data.redis.*). */
    private final Redis redis = new Redis();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getKeyPrefix() {
        return keyPrefix;
    }

    public void setKeyPrefix(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    public Duration getTtl() {
        return ttl;
    }

    public void setTtl(Duration ttl) {
        this.ttl = ttl;
    }

    public String getHeader() {
        return header;
    }

    public void setHeader(String header) {
        this.header = header;
    }

    public List<UrlPattern> getUrlPatterns() {
        return urlPatterns;
    }

    public void setUrlPatterns(List<UrlPattern> urlPatterns) {
        this.urlPatterns = urlPatterns;
    }

    public int getFilterOrder() {
        return filterOrder;
    }

    public void setFilterOrder(int filterOrder) {
        this.filterOrder = filterOrder;
    }

    public int getAopOrder() {
        return aopOrder;
    }

    public void setAopOrder(int aopOrder) {
        this.aopOrder = aopOrder;
    }

    public Endpoint getEndpoint() {
        return endpoint;
    }

    public Redis getRedis() {
        return redis;
    }

    /** One guarded URL pattern and its scene. */
    public static class UrlPattern {

        /** Servlet URL pattern, e.g. /trade/buy. */
        private String pattern;

        /** Scene whose tokens requests to the pattern spend, e.g. orderList. */
        private String scene;

        public String getPattern() {
            return pattern;
        }

        public void setPattern(String pattern) {
            this.pattern = pattern;
        }

        public String getScene() {
            return scene;
        }

        public void setScene(String scene) {
            this.scene = scene;
        }
    }

    /** The token endpoint. */
    public static class Endpoint {

        /** Whether GET {path}?scene=... issues tokens (servlet web applications with Spring MVC). */
        private boolean enabled = true;

        /** Path of the token endpoint. */
        private String path = "/idempotent/token";

        /** Scenes the endpoint issues tokens for besides those of the URL patterns (e.g. for @IdempotentToken methods). */
        private List<String> extraScenes = new ArrayList<>();

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }

        public List<String> getExtraScenes() {
            return extraScenes;
        }

        public void setExtraScenes(List<String> extraScenes) {
            this.extraScenes = extraScenes;
        }
    }

    /** The starter's own Lettuce connection. */
    public static class Redis {

        /** Longest wait for one Redis command before the request is refused (503). */
        private Duration commandTimeout = Duration.ofSeconds(2);

        /** Longest wait to open the connection; spring.data.redis.connect-timeout wins when set. */
        private Duration connectTimeout = Duration.ofSeconds(2);

        /** After a failed connection attempt, how long calls are refused at once before trying again. */
        private Duration retryDelay = Duration.ofSeconds(1);

        public Duration getCommandTimeout() {
            return commandTimeout;
        }

        public void setCommandTimeout(Duration commandTimeout) {
            this.commandTimeout = commandTimeout;
        }

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public Duration getRetryDelay() {
            return retryDelay;
        }

        public void setRetryDelay(Duration retryDelay) {
            this.retryDelay = retryDelay;
        }
    }
}
