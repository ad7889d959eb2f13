package io.tradekit.sso.autoconfigure;

import io.tradekit.core.redis.LettuceSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of the SSO starter. These win over the {@code sa-token.*} keys they cover; every other
 * Sa-Token setting is still read from {@code sa-token.*}.
 */
@ConfigurationProperties("tradekit.sso")
public class SsoProperties {

    /** Whether the SSO starter is on. */
    private boolean enabled = true;

    /** Name of the header and of the cookie that carry the token. */
    private String tokenName = "tradekit-token";

    /** Absolute lifetime of a token: it dies this long after login, however busy. */
    private Duration timeout = Duration.ofHours(12);

    /** Idle lifetime of a token: it dies when unused for this long. */
    private Duration activeTimeout = Duration.ofMinutes(30);

    /** Whether one user may hold several valid tokens at once (several devices or tabs). */
    private boolean concurrent = true;

    /** Whether a second login of the same user returns the first login's token instead of a new one. */
    private boolean shareToken = false;

    /** Whether the token is also read from (and written to) a cookie; off: header only. */
    private boolean readCookie = true;

    /** Whether the token is also read from a request parameter (URL or form); leaks into logs and Referer headers. */
    private boolean readParameter = false;

    /** Whether every path that is not public needs a login (route rules apply either way). */
    private boolean loginRequired = true;

    /** Paths anonymous requests may reach (unless a route rule matches them), Spring path patterns. */
    private List<String> publicPaths = new ArrayList<>(List.of("/error"));

    /** Route rules, checked in order: pattern → permission and/or role. */
    private List<Route> routes = new ArrayList<>();

    /** Order of the route interceptor among Spring MVC interceptors. */
    private int interceptorOrder = 0;

    /** Cookie attributes. */
    private final Cookie cookie = new Cookie();

    /** Session storage. */
    private final Session session = new Session();

    /** The SSO auth centre, in the application that logs users in. */
    private final Server server = new Server();

    /** The SSO client, in applications that accept the auth centre's logins. */
    private final Client client = new Client();

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getTokenName() { return tokenName; }
    public void setTokenName(String tokenName) { this.tokenName = tokenName; }
    public Duration getTimeout() { return timeout; }
    public void setTimeout(Duration timeout) { this.timeout = timeout; }
    public Duration getActiveTimeout() { return activeTimeout; }
    public void setActiveTimeout(Duration activeTimeout) { this.activeTimeout = activeTimeout; }
    public boolean isConcurrent() { return concurrent; }
    public void setConcurrent(boolean concurrent) { this.concurrent = concurrent; }
    public boolean isShareToken() { return shareToken; }
    public void setShareToken(boolean shareToken) { this.shareToken = shareToken; }
    public boolean isReadCookie() { return readCookie; }
    public void setReadCookie(boolean readCookie) { this.readCookie = readCookie; }
    public boolean isReadParameter() { return readParameter; }
    public void setReadParameter(boolean readParameter) { this.readParameter = readParameter; }
    public boolean isLoginRequired() { return loginRequired; }
    public void setLoginRequired(boolean loginRequired) { this.loginRequired = loginRequired; }
    public List<String> getPublicPaths() { return publicPaths; }
    public void setPublicPaths(List<String> publicPaths) { this.publicPaths = publicPaths; }
    public List<Route> getRoutes() { return routes; }
    public void setRoutes(List<Route> routes) { this.routes = routes; }
    public int getInterceptorOrder() { return interceptorOrder; }
    public void setInterceptorOrder(int interceptorOrder) { this.interceptorOrder = interceptorOrder; }
    public Cookie getCookie() { return cookie; }
    public Session getSession() { return session; }
    public Server getServer() { return server; }
    public Client getClient() { return client; }

    /** One route rule. */
    public static class Route {

        /** Path pattern, e.g. {@code /admin/**}. */
        private String pattern;

        /** Permission the user needs on the pattern. */
        private String permission;

        /** Role the user needs on the pattern. */
        private String role;

        public String getPattern() { return pattern; }
        public void setPattern(String pattern) { this.pattern = pattern; }
        public String getPermission() { return permission; }
        public void setPermission(String permission) { this.permission = permission; }
        public String getRole() { return role; }
        public void setRole(String role) { this.role = role; }
    }

    /** Cookie attributes of the token cookie (always HttpOnly). */
    public static class Cookie {

        /** Whether the cookie is sent over HTTPS only; turn on behind TLS. */
        private boolean secure = false;

        /** SameSite attribute: Lax (default), Strict, or None (needs secure). */
        private String sameSite = "Lax";

        /** Cookie domain; unset: the host that set it. */
        private String domain;

        /** Cookie path. */
        private String path = "/";

        public boolean isSecure() { return secure; }
        public void setSecure(boolean secure) { this.secure = secure; }
        public String getSameSite() { return sameSite; }
        public void setSameSite(String sameSite) { this.sameSite = sameSite; }
        public String getDomain() { return domain; }
        public void setDomain(String domain) { this.domain = domain; }
        public String getPath() { return path; }
        public void setPath(String path) { this.path = path; }
    }

    /** Session storage settings. */
    public static class Session {

        /** Package prefixes whose classes may be stored in Sa-Token sessions, besides Sa-Token's and the JDK's. */
        private List<String> allowedPackages = new ArrayList<>();

        /**
         * Redis client of the per-request token check: connection-factory (the application's
         * RedisConnectionFactory, as every other session command) or lettuce (one shared Lettuce
         * connection of the starter's own, from spring.data.redis.*; standalone or sentinel only).
         */
        private CheckClient checkClient = CheckClient.CONNECTION_FACTORY;

        /**
         * The Lettuce connection of check-client=lettuce ({@code tradekit.sso.session.lettuce.*}): a 2 s
         * command timeout (a login check waits no longer than the application's own Redis calls), 2 s to
         * connect, 1 s before a failed connect is tried again. Documented in
         * additional-spring-configuration-metadata.json (the type is compiled in tradekit-core).
         */
        private final LettuceSettings lettuce = new LettuceSettings(Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(1));

        public List<String> getAllowedPackages() { return allowedPackages; }
        public void setAllowedPackages(List<String> allowedPackages) { this.allowedPackages = allowedPackages; }
        public CheckClient getCheckClient() { return checkClient; }
        public void setCheckClient(CheckClient checkClient) { this.checkClient = checkClient; }
        public LettuceSettings getLettuce() { return lettuce; }
    }

    /** Redis client of the per-request token check. */
    public enum CheckClient {
        /** The application's RedisConnectionFactory (Lettuce or Redisson). */
        CONNECTION_FACTORY,
        /** A shared Lettuce connection of the starter's own. */
        LETTUCE
    }

    /** Auth centre settings. */
    public static class Server {

        /** Whether this application is the SSO auth centre. */
        private boolean enabled = false;

        /** Path of the ticket endpoint. */
        private String authPath = "/sso/auth";

        /** Path of the single-logout endpoint (POST). */
        private String signoutPath = "/sso/signout";

        /** Exact client redirect URLs a ticket may be sent to, e.g. {@code https://shop.example.com/sso/login}; no wildcards. */
        private List<String> allowedRedirects = new ArrayList<>();

        /** Lifetime of an unredeemed ticket. */
        private Duration ticketTimeout = Duration.ofSeconds(60);

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public String getAuthPath() { return authPath; }
        public void setAuthPath(String authPath) { this.authPath = authPath; }
        public String getSignoutPath() { return signoutPath; }
        public void setSignoutPath(String signoutPath) { this.signoutPath = signoutPath; }
        public List<String> getAllowedRedirects() { return allowedRedirects; }
        public void setAllowedRedirects(List<String> allowedRedirects) { this.allowedRedirects = allowedRedirects; }
        public Duration getTicketTimeout() { return ticketTimeout; }
        public void setTicketTimeout(Duration ticketTimeout) { this.ticketTimeout = ticketTimeout; }
    }

    /** SSO client settings. */
    public static class Client {

        /** Whether this application accepts logins from the auth centre. */
        private boolean enabled = false;

        /** Path of the client login endpoint. */
        private String loginPath = "/sso/login";

        /** The auth centre's ticket endpoint, e.g. {@code https://auth.example.com/sso/auth}. */
        private String serverAuthUrl;

        /** This application's login endpoint as the auth centre allow-lists it, e.g. {@code https://shop.example.com/sso/login}. */
        private String redirectUrl;

        /** Where a user goes after the login; unset: the endpoint answers the token as JSON. */
        private String afterLoginPath;

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public String getLoginPath() { return loginPath; }
        public void setLoginPath(String loginPath) { this.loginPath = loginPath; }
        public String getServerAuthUrl() { return serverAuthUrl; }
        public void setServerAuthUrl(String serverAuthUrl) { this.serverAuthUrl = serverAuthUrl; }
        public String getRedirectUrl() { return redirectUrl; }
        public void setRedirectUrl(String redirectUrl) { this.redirectUrl = redirectUrl; }
        public String getAfterLoginPath() { return afterLoginPath; }
        public void setAfterLoginPath(String afterLoginPath) { this.afterLoginPath = afterLoginPath; }
    }
}
