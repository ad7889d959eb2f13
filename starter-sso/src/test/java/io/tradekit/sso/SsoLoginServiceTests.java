package io.tradekit.sso;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** Hostile user ids are refused before anything reaches Sa-Token or Redis. */
class SsoLoginServiceTests {

    private final SsoLoginService service = new SsoLoginService();

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "1001 ", "a b", "1001\r\n", "*", "1001:*", ":1001", "user:", "user::1",
            "user/../admin", "\u0000", "${jndi:ldap://x}", "#{1+1}", "' OR 1=1 --", "用户"})
    void malformedUserIdsAreRefusedEverywhere(String userId) {
        assertThatIllegalArgumentException().isThrownBy(() -> service.login(userId));
        assertThatIllegalArgumentException().isThrownBy(() -> service.kickout(userId));
        assertThatIllegalArgumentException().isThrownBy(() -> service.logoutEverywhere(userId));
        assertThatIllegalArgumentException().isThrownBy(() -> service.refreshPermissions(userId));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1001", "user:42", "staff:7", "tenant-a:user:9", "a.b_c-d"})
    void namespacedUserIdsAreAccepted(String userId) {
        assertThatNoException().isThrownBy(() -> SsoLoginService.checkUserId(userId));
    }

    @org.junit.jupiter.api.Test
    void oversizedUserIdsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> service.login("1".repeat(65)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"a b", "tok\n", "\u00e9"})
    void malformedTokensResolveToNobodyWithoutAsking(String token) {
        assertThat(service.userIdOf(token)).isNull();
        service.logoutToken(token);
    }
}
