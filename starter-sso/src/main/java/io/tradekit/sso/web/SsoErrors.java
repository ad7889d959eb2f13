package io.tradekit.sso.web;

import cn.dev33.satoken.exception.DisableServiceException;
import cn.dev33.satoken.exception.NotLoginException;
import cn.dev33.satoken.exception.NotPermissionException;
import cn.dev33.satoken.exception.NotRoleException;
import cn.dev33.satoken.exception.SaTokenException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.error.ErrorCode;
import io.tradekit.core.web.FailureResponses;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Turns Sa-Token's exceptions into HTTP status, {@link CommonErrorCode} and a message of our own:
 * Sa-Token's messages quote the token value, so they never reach the client or the log.
 */
public final class SsoErrors {

    private SsoErrors() {
    }

    /** An answer to write. */
    public record Failure(int status, ErrorCode code, String message) {
    }

    /** The answer for a Sa-Token exception, or null when it is not an authentication/authorisation failure. */
    public static Failure of(SaTokenException e) {
        if (e instanceof NotLoginException notLogin) {
            return new Failure(401, CommonErrorCode.UNAUTHORIZED, notLoginMessage(notLogin.getType()));
        }
        if (e instanceof NotPermissionException || e instanceof NotRoleException) {
            return new Failure(403, CommonErrorCode.FORBIDDEN, CommonErrorCode.FORBIDDEN.getMessage());
        }
        if (e instanceof DisableServiceException) {
            return new Failure(403, CommonErrorCode.FORBIDDEN, "The account is disabled.");
        }
        return null;
    }

    static String notLoginMessage(String type) {
        return switch (type == null ? "" : type) {
            case NotLoginException.TOKEN_TIMEOUT -> "The token expired.";
            case NotLoginException.KICK_OUT -> "The token was kicked out.";
            case NotLoginException.BE_REPLACED -> "The token was replaced by another login.";
            case NotLoginException.TOKEN_FREEZE -> "The token expired for inactivity.";
            default -> CommonErrorCode.UNAUTHORIZED.getMessage();
        };
    }

    /** Writes {@code {"success":false,"code":…,"message":…}} with the status; codes and messages are ours. */
    public static void write(HttpServletResponse response, Failure failure) throws IOException {
        FailureResponses.write(response, failure.status(), failure.code(), failure.message());
    }
}
