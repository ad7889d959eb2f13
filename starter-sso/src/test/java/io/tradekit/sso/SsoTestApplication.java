package io.tradekit.sso;

import jakarta.servlet.Filter;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A small application guarded by the starter: its own "authentication" maps a user name to an id
 * (standing in for a password check), then calls {@link SsoLoginService#login(String)}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class SsoTestApplication {

    static final Map<String, String> USERS = Map.of("alice", "1001", "bob", "1002", "carol", "1003", "dave", "1004");

    /** Calls to the permission provider per user id, over every context in the JVM. */
    static final Map<String, AtomicInteger> PROVIDER_CALLS = new ConcurrentHashMap<>();

    /** The raw request URI of the last request that reached the servlet filters (proves what was sent). */
    static final AtomicReference<String> LAST_RAW_URI = new AtomicReference<>();

    @Bean
    PermissionProvider testPermissions() {
        return new PermissionProvider() {
            @Override
            public Collection<String> permissions(String userId) {
                PROVIDER_CALLS.computeIfAbsent(userId, k -> new AtomicInteger()).incrementAndGet();
                return switch (userId) {
                    case "1001" -> List.of("admin", "user");
                    case "1002", "1004" -> List.of("user");
                    default -> List.of();
                };
            }

            @Override
            public Collection<String> roles(String userId) {
                return userId.equals("1001") ? List.of("ops") : List.of();
            }
        };
    }

    @Bean
    SsoRouteCustomizer testRoutes() {
        return routes -> routes.permission("/user/**", "user").publicPath("/login/**").publicPath("/public/**");
    }

    @Bean
    Filter rawUriRecorder() {
        return (request, response, chain) -> {
            LAST_RAW_URI.set(((jakarta.servlet.http.HttpServletRequest) request).getRequestURI());
            chain.doFilter(request, response);
        };
    }

    @RestController
    static class TestController {

        private final SsoLoginService logins;

        TestController(SsoLoginService logins) {
            this.logins = logins;
        }

        @PostMapping("/login/{name}")
        io.tradekit.core.response.SingleResponse<String> login(@PathVariable String name) {
            String userId = USERS.get(name);
            if (userId == null) {
                throw new IllegalArgumentException("unknown user");
            }
            return io.tradekit.core.response.SingleResponse.of(logins.login(userId));
        }

        @PostMapping("/logout")
        String logout() {
            logins.logout();
            return "bye";
        }

        /** Logs out, then asks who is calling within the same request: nobody (nothing stale kept). */
        @PostMapping("/logout-and-who")
        String logoutAndWho() {
            String before = logins.currentUserId();
            logins.logout();
            return before + "->" + logins.currentUserIdOrNull();
        }

        /** Asks four times who is calling, as several layers of one request do. */
        @GetMapping("/me-four-times")
        String meFourTimes() {
            return logins.currentUserId() + logins.currentUserIdOrNull() + logins.currentUserId()
                    + logins.currentUserIdOrNull();
        }

        @GetMapping("/me")
        String me() {
            return logins.currentUserId();
        }

        @GetMapping("/admin/x")
        String admin() {
            return "admin-x";
        }

        @GetMapping("/ops/x")
        String ops() {
            return "ops-x";
        }

        @GetMapping("/user/profile")
        String profile() {
            return "profile-" + logins.currentUserId();
        }

        @GetMapping("/public/secret/x")
        String secret() {
            return "secret";
        }

        @GetMapping("/public/hello")
        String hello() {
            return "hello";
        }
    }
}
