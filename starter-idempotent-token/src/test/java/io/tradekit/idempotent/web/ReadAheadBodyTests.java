package io.tradekit.idempotent.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** What {@link IdempotentTokenFilter#readAheadBody} shows a check that runs before the token check. */
class ReadAheadBodyTests {

    private final IdempotentTokenFilter filter = new IdempotentTokenFilter("Idempotency-Key", 16);

    @Test
    void aGuardedRequestShowsACopyOfItsBodyAndTheControllerStillReadsItWhole() throws Exception {
        MockHttpServletRequest request = post("{\"a\":1}");
        request.addHeader("Idempotency-Key", "t");
        AtomicReference<byte[]> seen = new AtomicReference<>();
        AtomicReference<byte[]> read = new AtomicReference<>();
        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res)
                    throws java.io.IOException {
                byte[] first = IdempotentTokenFilter.readAheadBody((HttpServletRequest) req);
                first[0] = 'X';
                seen.set(IdempotentTokenFilter.readAheadBody((HttpServletRequest) req));
                read.set(req.getInputStream().readAllBytes());
            }
        });
        assertThat(new String(seen.get(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(new String(read.get(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    }

    @Test
    void nothingIsShownWithoutATokenHeaderOrForABodyOverTheCap() throws Exception {
        AtomicReference<byte[]> seen = new AtomicReference<>(new byte[1]);
        MockFilterChain chain = new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                seen.set(IdempotentTokenFilter.readAheadBody((HttpServletRequest) req));
            }
        };
        filter.doFilter(post("{\"a\":1}"), new MockHttpServletResponse(), chain);
        assertThat(seen.get()).isNull();

        seen.set(new byte[1]);
        MockHttpServletRequest large = post("{\"a\":\"" + "x".repeat(40) + "\"}");
        large.addHeader("Idempotency-Key", "t");
        filter.doFilter(large, new MockHttpServletResponse(), new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                seen.set(IdempotentTokenFilter.readAheadBody((HttpServletRequest) req));
            }
        });
        assertThat(seen.get()).isNull();
        assertThat(IdempotentTokenFilter.readAheadBody(new MockHttpServletRequest())).isNull();
    }

    private static MockHttpServletRequest post(String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/trade/buy");
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }
}
