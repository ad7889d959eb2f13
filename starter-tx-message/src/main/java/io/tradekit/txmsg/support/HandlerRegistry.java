package io.tradekit.txmsg.support;

import io.tradekit.txmsg.LocalTransactionHandler;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The {@link LocalTransactionHandler} beans by scene; duplicate or blank scenes fail start-up. */
public final class HandlerRegistry {

    private final Map<String, LocalTransactionHandler<?>> byScene;

    /** Indexes the handlers by scene. */
    public HandlerRegistry(Collection<? extends LocalTransactionHandler<?>> handlers) {
        Map<String, LocalTransactionHandler<?>> map = new HashMap<>();
        for (LocalTransactionHandler<?> handler : handlers) {
            String scene = handler.scene();
            if (scene == null || scene.isBlank()) {
                throw new IllegalStateException("LocalTransactionHandler " + handler.getClass().getName()
                        + " has a blank scene");
            }
            if (handler.payloadType() == null) {
                throw new IllegalStateException("LocalTransactionHandler " + handler.getClass().getName()
                        + " (scene " + scene + "): cannot resolve the payload type, override payloadType()");
            }
            LocalTransactionHandler<?> previous = map.put(scene, handler);
            if (previous != null) {
                throw new IllegalStateException("Two LocalTransactionHandlers for scene " + scene + ": "
                        + previous.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
        this.byScene = Map.copyOf(map);
    }

    /** The handler of a scene, or {@code null}. */
    public LocalTransactionHandler<?> find(String scene) {
        return scene == null ? null : byScene.get(scene);
    }

    /** The registered scenes. */
    public Set<String> scenes() {
        return byScene.keySet();
    }
}
