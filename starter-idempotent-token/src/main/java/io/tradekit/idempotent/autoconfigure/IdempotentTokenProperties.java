package io.tradekit.idempotent.autoconfigure;

import io.tradekit.core.redis.LettuceSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.core.Ordered;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Settings of idempotent tokens, {@code tradekit.idempotent.*}, bound for
 * {@link IdempotentTokenAutoConfiguration}.
 */
@ConfigurationProperties("tradekit.idempotent")
public class IdempotentTokenProperties {

    /** Default order of the token check: late, after the login checks of ordinary interceptors. */
    static final int DEFAULT_INTERCEPTOR_ORDER = Ordered.LOWEST_PRECEDENCE - 1000;

    /**
     * Whether idempotent tokens (service, token check, endpoint, annotation) are enabled; false runs
     * guarded URLs and annotated methods unprotected, with one WARN naming them.
     */
    private boolean enabled = true;

    /** Prefix of every Redis key; a key is prefix + token + ":" + scene. */
    private String keyPrefix = "tradekit:idempotent:";

    /** How long an issued token stays valid. */
    private Duration ttl = Duration.ofMinutes(30);

    /** Request header carrying the token (the IETF draft's name by default). */
    private String header = "Idempotency-Key";

    /**
     * URL patterns guarded by the token check, each with the scene whose tokens it spends; servlet
     * syntax (/exact, /prefix/*, *.ext). Without any, no check is registered.
     */
    private List<UrlPattern> urlPatterns = new ArrayList<>();

    /**
     * Order among servlet filters of the filter that reads the body of guarded requests ahead (at most
     * max-body-size) for their fingerprint; it answers nothing itself.
     */
    private int filterOrder = 0;

    /**
     * Order of the token check among Spring MVC interceptors; it must come after the login check (the
     * SSO starter's tradekit.sso.interceptor-order, 0 by default) so that an anonymous request gets a
     * 401 and its token is not touched.
     */
    private int interceptorOrder = DEFAULT_INTERCEPTOR_ORDER;

    /**
     * Largest request body fingerprinted; a guarded request with a larger body is refused with 413 and
     * its token is not touched. Each guarded request in flight holds up to this much memory.
     */
    private DataSize maxBodySize = DataSize.ofKilobytes(256);

    /**
     * Response statuses your guarded handlers answer only when they changed nothing (they refused
     * before writing, or rolled back): a token claimed by such a request is given back unspent.
     * Requests Spring MVC refused before calling the handler (binding, validation) always give it back.
     */
    private Set<Integer> unspentStatuses = new LinkedHashSet<>();

    /** Order of the @IdempotentToken advisor among method advisors. */
    private int aopOrder = Ordered.HIGHEST_PRECEDENCE + 1;

    /** The token endpoint. */
    private final Endpoint endpoint = new Endpoint();

    /** The starter's own Lettuce connection (address from spring.data.redis.*). */
    private final LettuceSettings redis = new LettuceSettings(Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofSeconds(1));

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

    public int getInterceptorOrder() {
        return interceptorOrder;
    }

    public void setInterceptorOrder(int interceptorOrder) {
        this.interceptorOrder = interceptorOrder;
    }

    public DataSize getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(DataSize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public Set<Integer> getUnspentStatuses() {
        return unspentStatuses;
    }

    public void setUnspentStatuses(Set<Integer> unspentStatuses) {
        this.unspentStatuses = unspentStatuses;
    }

    public LettuceSettings getRedis() {
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
}
