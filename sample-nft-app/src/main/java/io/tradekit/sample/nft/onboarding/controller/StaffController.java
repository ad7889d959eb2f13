package io.tradekit.sample.nft.onboarding.controller;

import io.tradekit.core.log.Sensitive;
import io.tradekit.core.log.SensitiveType;
import io.tradekit.core.response.SingleResponse;
import io.tradekit.sample.nft.onboarding.application.StaffLoginService;
import io.tradekit.sample.nft.onboarding.application.StaffLoginService.LoginResult;
import io.tradekit.sample.nft.shared.security.CurrentSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Branch staff login and logout; the token goes back in the {@code tradekit-token} header. */
@RestController
@RequestMapping("/onboarding/staff")
class StaffController {

    private final StaffLoginService login;
    private final CurrentSession session;

    StaffController(StaffLoginService login, CurrentSession session) {
        this.login = login;
        this.session = session;
    }

    @PostMapping("/login")
    SingleResponse<LoginResult> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return SingleResponse.of(login.login(request.loginName(), request.password(), http.getRemoteAddr()));
    }

    @PostMapping("/logout")
    SingleResponse<Void> logout() {
        session.logout();
        return SingleResponse.of(null);
    }

    /** Credentials; the password never reaches a log. */
    record LoginRequest(@NotBlank @Size(max = 64) String loginName,
                        @Sensitive(type = SensitiveType.SECRET) @NotBlank @Size(max = 128) String password) {
    }
}
