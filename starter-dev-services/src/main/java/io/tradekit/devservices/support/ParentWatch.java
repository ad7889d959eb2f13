package io.tradekit.devservices.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets a child process notice that the process which started it is gone, even after a
 * {@code kill -9} that ran none of the parent's shutdown hooks. Two signals, whichever comes first:
 * end of file on standard input (the parent holds the only write end of that pipe, and the kernel
 * closes it when the parent dies), and the exit of the parent's {@link ProcessHandle}.
 */
public final class ParentWatch {

    private ParentWatch() {
    }

    /**
     * Runs {@code onOrphaned} once, on a daemon thread, when the parent dies or closes this
     * process's standard input. Standard input must be a pipe from the parent that carries
     * nothing else.
     */
    public static void onParentGone(Runnable onOrphaned) {
        AtomicBoolean fired = new AtomicBoolean();
        Runnable once = () -> {
            if (fired.compareAndSet(false, true)) {
                onOrphaned.run();
            }
        };
        Thread stdin = new Thread(() -> {
            try {
                InputStream in = System.in;
                byte[] buffer = new byte[256];
                while (in.read(buffer) >= 0) {
                    // nothing is expected on it; only its end matters
                }
            } catch (IOException e) {
                // a broken pipe is the same news as its end
            }
            once.run();
        }, "tradekit-parent-watch-stdin");
        stdin.setDaemon(true);
        stdin.start();
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(once));
    }
}
