package io.tradekit.idempotent.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body was read ahead (at most the cap plus one byte) so that it can be
 * fingerprinted before the controller runs; the controller then reads the same bytes, followed by
 * whatever was left unread of a body larger than the cap.
 */
final class CachedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] head;
    private final boolean complete;
    private ServletInputStream stream;
    private BufferedReader reader;

    private CachedBodyRequest(HttpServletRequest request, byte[] head, boolean complete) {
        super(request);
        this.head = head;
        this.complete = complete;
    }

    /**
     * Reads up to {@code cap} bytes ahead, or nothing when the declared length already exceeds it.
     *
     * @param request the request, its body unread
     * @param cap     the most bytes kept in memory
     */
    static CachedBodyRequest readAhead(HttpServletRequest request, int cap) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > cap) {
            return new CachedBodyRequest(request, new byte[0], false);
        }
        byte[] head = request.getInputStream().readNBytes(cap + 1);
        if (head.length > cap) {
            return new CachedBodyRequest(request, head, false);
        }
        return new CachedBodyRequest(request, head, true);
    }

    /** The whole body, or {@code null} when it is larger than the cap. */
    byte[] body() {
        return complete ? head : null;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (reader != null) {
            throw new IllegalStateException("getReader() was already called for this request");
        }
        if (stream == null) {
            stream = replay();
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (stream != null) {
            throw new IllegalStateException("getInputStream() was already called for this request");
        }
        if (reader == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            reader = new BufferedReader(new InputStreamReader(replay(), charset));
        }
        return reader;
    }

    private ServletInputStream replay() throws IOException {
        InputStream head = new ByteArrayInputStream(this.head);
        return new Replay(complete ? head : new SequenceInputStream(head, super.getInputStream()));
    }

    /** A blocking replay of the buffered bytes (and of the rest, when the body is larger than the cap). */
    private static final class Replay extends ServletInputStream {

        private final InputStream source;
        private boolean finished;

        Replay(InputStream source) {
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            int b = source.read();
            finished = b < 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = source.read(buffer, offset, length);
            finished = n < 0;
            return n;
        }

        @Override
        public boolean isFinished() {
            return finished;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("non-blocking reads of a guarded request are not supported");
        }
    }
}
