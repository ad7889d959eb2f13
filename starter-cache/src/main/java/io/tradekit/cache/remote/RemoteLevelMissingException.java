package io.tradekit.cache.remote;

/**
 * A remote or two-level cache was declared or created while the cache has no {@link RemoteLevel}:
 * the start-up fails with it rather than leave each instance its own copy that no other instance's
 * update invalidates.
 */
public class RemoteLevelMissingException extends IllegalStateException {

    private final String description;
    private final String action;

    /**
     * @param description what needs the remote level, and that there is none
     * @param action      what to add, or how to start without the cache
     */
    public RemoteLevelMissingException(String description, String action) {
        super(description + " " + action);
        this.description = description;
        this.action = action;
    }

    /** What needs the remote level, and that there is none. */
    public String getDescription() {
        return description;
    }

    /** What to add, or how to start without the cache. */
    public String getAction() {
        return action;
    }
}
