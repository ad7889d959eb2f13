package io.tradekit.sample.nft.web.page;

/** Where the pages live: {@code /} and everything under {@code /web/}, apart from every API path. */
public final class PagePaths {

    /** The prefix of every page but the home page. */
    public static final String PREFIX = "/web/";

    private PagePaths() {
    }

    /** Whether a request path (without context path) is a page. */
    public static boolean isPage(String path) {
        return "/".equals(path) || path.startsWith(PREFIX) && !path.startsWith(PREFIX + "api/");
    }
}
