package io.tradekit.sample.nft.shared.trace;

import io.tradekit.core.trace.http.TraceIdFilter;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The trace id of every HTTP request ({@link TraceIdFilter}: the client's well-formed {@code X-Trace-Id}
 * or a new one, in the MDC and the response header), registered right after the security headers and
 * before every filter that may log or refuse (body limit, SSO, anti-duplicate tokens), so their lines and
 * refusals carry it too. From the request it reaches the Dubbo calls (attachment), the transactional
 * messages (user property) and the mint pool (task decorator).
 */
@Configuration(proxyBeanMethods = false)
class TraceIdFilterConfiguration {

    @Bean
    FilterRegistrationBean<TraceIdFilter> traceIdFilter() {
        FilterRegistrationBean<TraceIdFilter> registration = new FilterRegistrationBean<>(new TraceIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
