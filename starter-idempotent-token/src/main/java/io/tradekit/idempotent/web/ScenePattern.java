package io.tradekit.idempotent.web;

import java.util.Objects;

/**
 * One guarded URL pattern in servlet syntax ({@code /trade/buy}, {@code /trade/*}, {@code *.do})
 * and the scene whose tokens it spends.
 *
 * @param pattern a servlet URL pattern
 * @param scene   the scene name
 */
public record ScenePattern(String pattern, String scene) {

    /** Validates the pattern's servlet syntax; the scene is validated by the properties validator. */
    public ScenePattern {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(scene, "scene");
        boolean exact = pattern.startsWith("/") && !pattern.contains("*");
        boolean prefix = pattern.startsWith("/") && pattern.endsWith("/*") && pattern.indexOf('*') == pattern.length() - 1;
        boolean extension = pattern.startsWith("*.") && pattern.length() > 2 && pattern.indexOf('/') < 0
                && pattern.indexOf('*', 1) < 0;
        if (!(exact || prefix || extension)) {
            throw new IllegalArgumentException("'" + pattern + "' is not a servlet URL pattern (/exact, /prefix/*, *.ext)");
        }
    }

    /** 3 for an exact match, 2 for a prefix match (longer wins), 1 for an extension match, 0 for none. */
    int matchRank(String path) {
        if (pattern.endsWith("/*")) {
            String base = pattern.substring(0, pattern.length() - 2);
            return path.equals(base) || path.startsWith(base + "/") ? 2 : 0;
        }
        if (pattern.startsWith("*.")) {
            int slash = path.lastIndexOf('/');
            return path.substring(slash + 1).endsWith(pattern.substring(1)) ? 1 : 0;
        }
        return path.equals(pattern) ? 3 : 0;
    }
}
