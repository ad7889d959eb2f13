package io.tradekit.sample.nft.crash.hook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files through which a crash test and the hooks in its child processes ({@link CrashPointAspect}) talk:
 * one directory on this machine, whose path the children get as the system property {@value #DIR_PROPERTY}.
 * Files, not a socket: every process of the test sees them, they need no server that could itself fail,
 * and a dead process's marks stay readable.
 * <ul>
 *   <li>{@code arm/<point>-<key>}: the test arms a fault point for a key (a collection or an order id); its
 *   content names the process that may fire it (a pid), or {@value #ANY_PROCESS}. A point armed for any
 *   process is claimed by deleting the file: exactly one process fires it.</li>
 *   <li>{@code parked/<point>-<id>}: a process reached the point for {@code id} and parks there, waiting
 *   for the test's {@code kill -9}.</li>
 *   <li>{@code checked/cancel-<orderId>}: a check-back asked whether that cancel had ended, and it had
 *   not.</li>
 * </ul>
 * Each mark holds {@code <pid> <epoch millis>} (every process reads the same clock).
 */
public final class FaultPoints {

    /** The system property that gives the children the directory. */
    public static final String DIR_PROPERTY = "tradekit.crash.dir";
    /** Arm content: whichever process gets there first. */
    public static final String ANY_PROCESS = "*";

    /** The buy's local transaction committed (Redis deducted), its COMMIT not sent; key: the collection. */
    public static final String CREATE_COMMITTED = "create";
    /** The order consumer wrote the order inside its transaction, not committed yet; key: the collection. */
    public static final String ORDER_WRITTEN = "consume";
    /** The cancel's local transaction committed (order CANCELLED), its COMMIT not sent; key: the order. */
    public static final String CANCEL_COMMITTED = "cancel";

    private final Path dir;

    public FaultPoints(Path dir) {
        this.dir = dir;
    }

    /** The directory named by {@value #DIR_PROPERTY}; fails when it is not set (a hook without its test). */
    static FaultPoints fromSystemProperty() {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("crash hooks loaded without -D" + DIR_PROPERTY);
        }
        return new FaultPoints(Path.of(dir));
    }

    /** A mark: which process wrote it, and when. */
    public record Mark(String name, long pid, long atMillis) {
    }

    public Path dir() {
        return dir;
    }

    // --- the test's side ---

    /** Arms {@code point} for {@code key}, to be fired by process {@code pid} only. */
    public void arm(String point, long key, long pid) {
        write(dir.resolve("arm").resolve(point + "-" + key), Long.toString(pid));
    }

    /** Arms {@code point} for {@code key}, to be fired once, by the first process that gets there. */
    public void armOnce(String point, long key) {
        write(dir.resolve("arm").resolve(point + "-" + key), ANY_PROCESS);
    }

    /** Every process parked at {@code point} so far, by id. */
    public List<Mark> parked(String point) {
        return marks("parked", point + "-");
    }

    /** The check-back mark of a cancel, if a check-back found it not ended. */
    public Optional<Mark> checkedCancel(long orderId) {
        return marks("checked", CANCEL_COMMITTED + "-" + orderId).stream().findFirst();
    }

    /**
     * Waits (at most {@code bound}) until at least {@code count} processes parked at {@code point}.
     *
     * @throws AssertionError when fewer did within the bound
     */
    public List<Mark> awaitParked(String point, int count, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        List<Mark> parked = parked(point);
        while (parked.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(parked.size() + " of " + count + " parked at " + point + " within " + bound
                        + " (the bound of this wait): " + parked);
            }
            Thread.sleep(20);
            parked = parked(point);
        }
        return parked;
    }

    // --- the hooks' side ---

    /** Whether {@code point} is armed for {@code key} and this process. */
    boolean armedForMe(String point, long key) {
        Path arm = dir.resolve("arm").resolve(point + "-" + key);
        if (!Files.exists(arm)) {
            return false;
        }
        try {
            return Files.readString(arm, StandardCharsets.UTF_8).trim().equals(Long.toString(ProcessHandle.current().pid()));
        } catch (NoSuchFileException disarmed) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Claims a point armed for any process: true for exactly one caller across the processes. */
    boolean claim(String point, long key) {
        Path arm = dir.resolve("arm").resolve(point + "-" + key);
        if (!Files.exists(arm)) {
            return false; // the common case, on every order write: no exception for it
        }
        try {
            Files.delete(arm);
            return true;
        } catch (NoSuchFileException notArmedOrTaken) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes this process's mark {@code <kind>/<name>}. */
    void mark(String kind, String name) {
        write(dir.resolve(kind).resolve(name), ProcessHandle.current().pid() + " " + System.currentTimeMillis());
    }

    /** Whether the mark {@code <kind>/<name>} exists. */
    boolean marked(String kind, String name) {
        return Files.exists(dir.resolve(kind).resolve(name));
    }

    // --- both ---

    private List<Mark> marks(String kind, String prefix) {
        List<Mark> marks = new ArrayList<>();
        Path folder = dir.resolve(kind);
        if (!Files.isDirectory(folder)) {
            return marks;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, prefix + "*")) {
            for (Path file : files) {
                String[] words = Files.readString(file, StandardCharsets.UTF_8).trim().split(" ");
                String name = file.getFileName().toString();
                marks.add(new Mark(name.substring(name.lastIndexOf('-') + 1), Long.parseLong(words[0]),
                        Long.parseLong(words[1])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return marks;
    }

    /** Written beside and moved: a reader never sees half a file. */
    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), ".", ".tmp");
            Files.writeString(partial, content, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
