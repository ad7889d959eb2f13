package io.tradekit.sso.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The exact URLs the auth centre may send a ticket to. A redirect matches when its scheme, host,
 * port and path equal one entry (default ports and host case normalised; the query is kept but may
 * not carry a {@code ticket}). No wildcards, no user info ({@code http://good@evil}), no
 * scheme-relative {@code //evil}, no backslashes, dot segments, encoded characters or whitespace in
 * the part that is compared.
 */
public final class RedirectAllowList {

    private static final int MAX_LENGTH = 2048;

    private final Set<String> allowed = new LinkedHashSet<>();

    /**
     * @param urls the allowed redirect URLs, each absolute {@code http(s)} without query; a
     *             malformed entry or one with {@code *} fails the start-up
     */
    public RedirectAllowList(List<String> urls) {
        for (String url : urls) {
            if (url == null || url.contains("*")) {
                throw new IllegalArgumentException("tradekit.sso.server.allowed-redirects takes exact URLs, no '*': " + url);
            }
            String canonical = canonical(url.trim());
            if (canonical == null || url.contains("?")) {
                throw new IllegalArgumentException("tradekit.sso.server.allowed-redirects: not an absolute http(s) URL without query: " + url);
            }
            allowed.add(canonical);
        }
    }

    /** The allow-listed form of {@code redirect} (scheme://host[:port]/path), or null when it is not allowed. */
    public String match(String redirect) {
        if (redirect == null || redirect.isEmpty() || redirect.length() > MAX_LENGTH) {
            return null;
        }
        String canonical = canonical(redirect);
        if (canonical == null || !allowed.contains(canonical)) {
            return null;
        }
        String query = URI.create(redirect).getRawQuery();
        if (query != null && ("&" + query).contains("&ticket=")) {
            return null;
        }
        return canonical;
    }

    /** Whether nothing is allowed (the auth centre then refuses every redirect). */
    public boolean isEmpty() {
        return allowed.isEmpty();
    }

    static String canonical(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '\\') {
                return null;
            }
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))
                || uri.getRawUserInfo() != null || uri.getHost() == null || uri.getRawFragment() != null
                || uri.getRawAuthority() == null || uri.getRawAuthority().contains("@")) {
            return null;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (!path.startsWith("/") || path.contains("//") || path.contains("/.") || path.contains("%")
                || path.contains(";")) {
            return null;
        }
        int port = uri.getPort();
        if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
            port = -1;
        }
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (port == -1 ? "" : ":" + port) + path;
    }
}
