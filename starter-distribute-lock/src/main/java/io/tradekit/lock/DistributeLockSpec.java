package io.tradekit.lock;

/**
 * The scene, lease and wait of a lock, valid by construction: the one place where the rules of
 * {@link DistributeLock} and {@link DistributeLockTemplate} are checked. An annotation's spec is
 * built once, at start-up; a programmatic {@link DistributeLockTemplate#execute(String, String, int, int,
 * java.util.function.Supplier)} call builds one per call, since its arguments are run-time values.
 *
 * <pre>{@code
 * private static final DistributeLockSpec ORDER_CREATE = new DistributeLockSpec("ORDER_CREATE", -1, 0);
 * OrderDTO order = lockTemplate.execute(ORDER_CREATE, request.getIdentifier(), () -> orderService.create(request));
 * }</pre>
 *
 * @param scene      the first part of the lock key and the metrics' scene tag: not blank, at most
 *                   {@value #MAX_SCENE_LENGTH} characters, without '{', '}' or control characters
 * @param expireTime lease in ms, or {@link DistributeLockConstant#DEFAULT_EXPIRE_TIME} (-1) for the watchdog
 * @param waitTime   wait in ms ({@code 0} = try once), or {@link DistributeLockConstant#DEFAULT_WAIT_TIME}
 *                   (-1) for the configured default
 */
public record DistributeLockSpec(String scene, int expireTime, int waitTime) {

    /** Longest scene accepted: scenes are a small fixed set of names, never per-request values. */
    public static final int MAX_SCENE_LENGTH = 128;

    /**
     * Checks the rules.
     *
     * @throws IllegalArgumentException naming the broken rule
     */
    public DistributeLockSpec {
        checkScene(scene);
        if (expireTime == 0 || expireTime < DistributeLockConstant.DEFAULT_EXPIRE_TIME) {
            throw new IllegalArgumentException("expireTime must be -1 (watchdog) or a positive number of ms, was "
                    + expireTime);
        }
        if (waitTime < DistributeLockConstant.DEFAULT_WAIT_TIME) {
            throw new IllegalArgumentException("waitTime must be -1 (default) or >= 0 ms, was " + waitTime);
        }
    }

    private static void checkScene(String scene) {
        if (scene == null || scene.isBlank()) {
            throw new IllegalArgumentException("scene must be non-blank and free of '{' and '}', was "
                    + (scene == null ? "null" : "blank"));
        }
        if (scene.length() > MAX_SCENE_LENGTH) {
            throw new IllegalArgumentException("scene must be at most " + MAX_SCENE_LENGTH + " characters, was "
                    + scene.length());
        }
        for (int i = 0; i < scene.length(); i++) {
            char c = scene.charAt(i);
            // Braces would break the Redis Cluster hash tag {scene#key}; control characters forge log lines.
            if (c == '{' || c == '}' || Character.isISOControl(c)) {
                throw new IllegalArgumentException("scene must be non-blank and free of '{' and '}' and control "
                        + "characters, has one at index " + i);
            }
        }
    }
}
