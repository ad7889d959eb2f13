package io.tradekit.sample.nft.shared.web.limit;

import io.tradekit.core.web.FailureResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 413 {@code PAYLOAD_TOO_LARGE} (a JSON {@code BaseResponse}) to a request whose body
 * exceeds the cap, before any converter parses it: at once when the {@code Content-Length} says so,
 * and after at most cap + 1 bytes when the body is chunked. A body within the cap is read here
 * and replayed to the application from memory.
 *
 * <p>Why a filter: Tomcat's {@code max-http-form-post-size} covers form posts only and
 * {@code max-swallow-size} only what is left unread; nothing limits what Jackson reads. Form and
 * multipart bodies are not buffered (Tomcat parses them itself, under those limits and
 * {@code spring.servlet.multipart.*}), but their declared length is capped like any other.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;

    /** @param maxBytes the largest body accepted, in bytes (at least 1) */
    public RequestBodyLimitFilter(long maxBytes) {
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxBytes must be 1 to " + (Integer.MAX_VALUE - 8) + ", was " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(response);
            return;
        }
        if (declared == 0 || !hasBody(request) || parsedByContainer(request)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) maxBytes + 1);
        if (body.length > maxBytes) {
            refuse(response);
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    // A body is there when its length is declared or it is chunked; a GET without either has none.
    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private static boolean parsedByContainer(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        String lower = type.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("application/x-www-form-urlencoded") || lower.startsWith("multipart/");
    }

    private void refuse(HttpServletResponse response) throws IOException {
        // The rest of the body stays unread: closing tells the client not to send it on this connection.
        response.setHeader("Connection", "close");
        FailureResponses.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                BodyLimitErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than " + maxBytes + " bytes.");
    }

    /** The request with its (capped) body already in memory. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ReplayStream(new ByteArrayInputStream(body));
        }

        @Override
        public BufferedReader getReader() throws UnsupportedEncodingException {
            String encoding = getCharacterEncoding();
            Charset charset;
            try {
                charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            } catch (IllegalArgumentException e) {
                throw new UnsupportedEncodingException("unsupported request charset");
            }
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    private static final class ReplayStream extends ServletInputStream {

        private final InputStream in;

        ReplayStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
            try {
                return in.available() == 0;
            } catch (IOException e) {
                return true;
            }
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("the body is already in memory; read it synchronously");
        }
    }
}
