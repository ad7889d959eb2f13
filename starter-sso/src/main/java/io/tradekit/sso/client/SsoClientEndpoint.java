package io.tradekit.sso.client;

import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.response.SingleResponse;
import io.tradekit.sso.SsoLoginService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.Objects;

/**
 * The client's login endpoint ({@code GET login-path}). Without a ticket, an anonymous user is
 * redirected to the auth centre with this application's exact redirect URL; with a ticket, the
 * ticket is redeemed once and the user logged in here (new token, cookie), then sent to
 * {@code after-login-path} or answered with the token as JSON.
 */
public class SsoClientEndpoint {

    private final SsoTicketRedeemer redeemer;
    private final SsoLoginService logins;
    private final String serverAuthUrl;
    private final String redirectUrl;
    private final String afterLoginPath;

    public SsoClientEndpoint(SsoTicketRedeemer redeemer, SsoLoginService logins, String serverAuthUrl,
                             String redirectUrl, String afterLoginPath) {
        this.redeemer = Objects.requireNonNull(redeemer, "redeemer");
        this.logins = Objects.requireNonNull(logins, "logins");
        this.serverAuthUrl = Objects.requireNonNull(serverAuthUrl, "serverAuthUrl");
        this.redirectUrl = Objects.requireNonNull(redirectUrl, "redirectUrl");
        this.afterLoginPath = afterLoginPath;
    }

    /** Redirects to the auth centre, or redeems the ticket. */
    public ServerResponse login(ServerRequest request) {
        String ticket = request.param("ticket").orElse(null);
        if (ticket == null) {
            String current = logins.currentUserIdOrNull();
            if (current != null) {
                return loggedIn(null);
            }
            URI auth = UriComponentsBuilder.fromUriString(serverAuthUrl)
                    .queryParam("redirect", redirectUrl).encode().build().toUri();
            return ServerResponse.status(HttpStatus.FOUND).location(auth).header("Cache-Control", "no-store").build();
        }
        String userId = redeemer.redeem(ticket, redirectUrl);
        if (userId == null) {
            return ServerResponse.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_JSON)
                    .header("Cache-Control", "no-store")
                    .body(SingleResponse.fail(CommonErrorCode.UNAUTHORIZED.getCode(), "The ticket is invalid, expired or used."));
        }
        return loggedIn(logins.login(userId));
    }

    private ServerResponse loggedIn(String token) {
        if (afterLoginPath != null && !afterLoginPath.isBlank()) {
            return ServerResponse.status(HttpStatus.FOUND).location(URI.create(afterLoginPath))
                    .header("Cache-Control", "no-store").build();
        }
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).header("Cache-Control", "no-store")
                .body(SingleResponse.of(token));
    }
}
