package io.tradekit.sample.nft.inventory.application;

import io.tradekit.sample.nft.inventory.domain.StockFence;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The stock fence after a Redis restart as the repair job sees it: when to repair, and lifting it after. */
@Service
public class RestartRecovery {

    private final StockFence fence;

    public RestartRecovery(StockFence fence) {
        this.fence = fence;
    }

    /**
     * The Redis identity to repair, when this instance has seen it restarted and unrepaired for at least
     * {@code settle}; empty otherwise.
     */
    public Optional<String> due(Duration settle) {
        Optional<Instant> since = fence.fencedSince();
        if (since.isEmpty() || Instant.now().isBefore(since.get().plus(settle))) {
            return Optional.empty();
        }
        return Optional.of(fence.serverIdentity());
    }

    /** Opens the fence everywhere, if {@code repairedOn} is still the Redis running. */
    public boolean lift(String repairedOn) {
        return fence.lift(repairedOn);
    }
}
