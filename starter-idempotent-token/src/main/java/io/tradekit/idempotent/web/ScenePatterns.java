package io.tradekit.idempotent.web;

import java.util.List;

/** Picks the scene of a request path the way a servlet container picks a mapping: exact, longest prefix, extension. */
final class ScenePatterns {

    private final List<ScenePattern> patterns;

    ScenePatterns(List<ScenePattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** The scene for {@code path}, or {@code null} when no pattern matches. */
    String sceneFor(String path) {
        ScenePattern best = null;
        int bestRank = 0;
        for (ScenePattern candidate : patterns) {
            int rank = candidate.matchRank(path);
            if (rank > bestRank || (rank == 2 && bestRank == 2 && candidate.pattern().length() > best.pattern().length())) {
                best = candidate;
                bestRank = rank;
            }
        }
        return best == null ? null : best.scene();
    }

    List<ScenePattern> patterns() {
        return patterns;
    }
}
