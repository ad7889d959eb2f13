package io.tradekit.sample.nft.user.controller;

import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.response.SingleResponse;
import io.tradekit.sample.nft.shared.security.CurrentSession;
import io.tradekit.sample.nft.user.application.SessionUser;
import io.tradekit.sample.nft.user.application.UserCommandService;
import io.tradekit.sample.nft.user.application.UserQueryService;
import io.tradekit.sample.nft.user.application.UserView;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RestController;

/** Registration, login, the own account, real-name authentication; and freezing for admins. */
@Tag(name = "user", description = "Accounts: register, login, real-name authentication, freeze")
@RestController
class UserController {

    private final UserCommandService commands;
    private final UserQueryService queries;
    private final CurrentSession session;

    UserController(UserCommandService commands, UserQueryService queries, CurrentSession session) {
        this.commands = commands;
        this.queries = queries;
        this.session = session;
    }

    @Operation(summary = "Register a phone number (one account per phone)")
    @PostMapping("/user/register")
    SingleResponse<Long> register(@RequestBody UserRequests.Register request) {
        return SingleResponse.of(commands.register(request.telephone(), request.password(), request.nickName()));
    }

    @Operation(summary = "Log in; answers the session token for the tradekit-token header (429 with "
            + "Retry-After when throttled)")
    @PostMapping("/user/login")
    SingleResponse<String> login(@RequestBody UserRequests.Login request, HttpServletRequest http) {
        // The peer address, or the forwarded one only when server.forward-headers-strategy trusts a proxy.
        return SingleResponse.of(commands.login(request.telephone(), request.password(), http.getRemoteAddr()));
    }

    @PostMapping("/user/logout")
    SingleResponse<Boolean> logout() {
        session.logout();
        return SingleResponse.of(Boolean.TRUE);
    }

    @GetMapping("/user/me")
    SingleResponse<UserView> me() {
        return SingleResponse.of(queries.view(SessionUser.userId(session.requireLoginId())));
    }

    @Operation(summary = "Real-name authentication (GB 11643 ID number)")
    @PostMapping("/user/auth")
    SingleResponse<Boolean> authenticate(@RequestBody UserRequests.RealName request) {
        commands.authenticate(SessionUser.userId(session.requireLoginId()), request.realName(), request.idCardNo());
        return SingleResponse.of(Boolean.TRUE);
    }

    @Operation(summary = "Freeze an account (admin)")
    @PostMapping("/admin/users/{userId}/freeze")
    SingleResponse<Boolean> freeze(@PathVariable("userId") long userId) {
        queries.requireAdmin(session.requireLoginId());
        if (userId <= 0) {
            throw new BizException(CommonErrorCode.PARAM_INVALID, "userId must be positive");
        }
        commands.freeze(userId);
        return SingleResponse.of(Boolean.TRUE);
    }
}
