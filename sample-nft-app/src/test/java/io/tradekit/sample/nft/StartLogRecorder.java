package io.tradekit.sample.nft;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * Records what the first Spring application of the test JVM writes to the console from its first event
 * until it is ready: the start log an operator reads. Registered in {@code META-INF/spring.factories}, so
 * it sees the start whichever test class triggers it, and adds nothing to the application context (the
 * context cache key stays that of {@link SampleAppTest}).
 *
 * <p>Both {@code System.out} and {@code System.err} are teed, so the log of every logging system (Spring
 * Boot's logback, RocketMQ's shaded one) and anything printed directly is seen.
 */
public final class StartLogRecorder implements ApplicationListener<SpringApplicationEvent> {

    private static final ByteArrayOutputStream CAPTURED = new ByteArrayOutputStream();
    private static PrintStream originalOut;
    private static PrintStream originalErr;
    private static State state = State.WAITING;

    private enum State { WAITING, RECORDING, DONE }

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        synchronized (StartLogRecorder.class) {
            if (event instanceof ApplicationStartingEvent && state == State.WAITING) {
                originalOut = System.out;
                originalErr = System.err;
                System.setOut(tee(originalOut));
                System.setErr(tee(originalErr));
                state = State.RECORDING;
            } else if ((event instanceof ApplicationReadyEvent || event instanceof ApplicationFailedEvent)
                    && state == State.RECORDING) {
                System.out.flush();
                System.err.flush();
                System.setOut(originalOut);
                System.setErr(originalErr);
                state = State.DONE;
            }
        }
    }

    /** The recorded start log, or {@code null} while the first application has not finished starting. */
    public static synchronized String startLog() {
        return state == State.DONE ? CAPTURED.toString(StandardCharsets.UTF_8) : null;
    }

    private static PrintStream tee(PrintStream original) {
        OutputStream both = new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (CAPTURED) {
                    CAPTURED.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (CAPTURED) {
                    CAPTURED.write(b, off, len);
                }
            }

            @Override
            public void flush() {
                original.flush();
            }
        };
        return new PrintStream(both, true, StandardCharsets.UTF_8);
    }
}
