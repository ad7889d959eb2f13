package io.tradekit.sso.server;

import cn.dev33.satoken.stp.StpUtil;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.response.SingleResponse;
import io.tradekit.sso.SsoLoginService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.net.URI;
import java.util.Objects;

/**
 * The auth centre's endpoints. {@code GET auth?redirect=<url>}: a logged-in user is sent back to the
 * allow-listed {@code url} with a fresh single-use {@code ticket}; anyone else gets 401 (the
 * application shows its login page, calls {@link SsoLoginService#login(String)}, and retries).
 * {@code POST signout}: logs the current user out of every application sharing the Redis.
 */
public class SsoServerEndpoint {

    private final SecureSsoServerTemplate tickets;
    private final RedirectAllowList allowList;
    private final SsoLoginService logins;

    public SsoServerEndpoint(SecureSsoServerTemplate tickets, RedirectAllowList allowList, SsoLoginService logins) {
        this.tickets = Objects.requireNonNull(tickets, "tickets");
        this.allowList = Objects.requireNonNull(allowList, "allowList");
        this.logins = Objects.requireNonNull(logins, "logins");
    }

    /** Issues a ticket to an allow-listed redirect URL. */
    public ServerResponse auth(ServerRequest request) {
        if (!StpUtil.isLogin()) {
            return failure(HttpStatus.UNAUTHORIZED, CommonErrorCode.UNAUTHORIZED, "Log in at the auth centre first.");
        }
        String redirect = request.param("redirect").orElse(null);
        String client = allowList.match(redirect);
        if (client == null) {
            return failure(HttpStatus.BAD_REQUEST, CommonErrorCode.PARAM_INVALID, "The redirect URL is not allowed.");
        }
        Object userId = StpUtil.getLoginId();
        // One outstanding ticket per user and client: a new request voids the previous ticket.
        tickets.deleteTicket(tickets.getTicketValue(client, userId));
        String ticket = tickets.createTicketAndSave(client, userId, StpUtil.getTokenValue());
        String location = redirect + (redirect.contains("?") ? "&" : "?") + "ticket=" + ticket;
        return ServerResponse.status(HttpStatus.FOUND).location(URI.create(location))
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").build();
    }

    /** Single logout: every token of the current user, in every application, stops working. */
    public ServerResponse signout(ServerRequest request) {
        String userId = logins.currentUserIdOrNull();
        if (userId == null) {
            return failure(HttpStatus.UNAUTHORIZED, CommonErrorCode.UNAUTHORIZED, CommonErrorCode.UNAUTHORIZED.getMessage());
        }
        logins.logoutEverywhere(userId);
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(SingleResponse.of(Boolean.TRUE));
    }

    static ServerResponse failure(HttpStatus status, CommonErrorCode code, String message) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).header("Cache-Control", "no-store")
                .body(SingleResponse.fail(code.getCode(), message));
    }
}
