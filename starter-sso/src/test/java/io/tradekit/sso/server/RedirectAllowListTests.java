package io.tradekit.sso.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RedirectAllowListTests {

    private final RedirectAllowList list = new RedirectAllowList(List.of(
            "https://shop.example.com/sso/login", "http://127.0.0.1:8081/sso/login"));

    @Test
    void exactUrlsMatchWithTheirQuery() {
        assertThat(list.match("https://shop.example.com/sso/login")).isEqualTo("https://shop.example.com/sso/login");
        assertThat(list.match("https://SHOP.example.com:443/sso/login?back=%2Fcart"))
                .isEqualTo("https://shop.example.com/sso/login");
        assertThat(list.match("http://127.0.0.1:8081/sso/login")).isEqualTo("http://127.0.0.1:8081/sso/login");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "https://shop.example.com/sso/login/", "https://shop.example.com/sso/login/x",
            "https://shop.example.com/sso/Login", "https://shop.example.com/sso/logi",
            "http://shop.example.com/sso/login", "https://shop.example.com:8443/sso/login",
            "https://shop.example.com.evil.com/sso/login", "https://evil.com/shop.example.com/sso/login",
            "https://shop.example.com@evil.com/sso/login", "https://evil.com@shop.example.com/sso/login",
            "https://user:pw@shop.example.com/sso/login", "//shop.example.com/sso/login",
            "/sso/login", "https:/shop.example.com/sso/login", "https:shop.example.com/sso/login",
            "https://shop.example.com/sso/./login", "https://shop.example.com/sso/x/../login",
            "https://shop.example.com//sso/login", "https://shop.example.com/sso/%6cogin",
            "https://shop.example.com/sso/login;x=y", "https://shop.example.com\\@evil.com/sso/login",
            "https://shop.example.com/sso/login#frag", "https://shop.example.com/sso/login?ticket=x",
            "https://shop.example.com/sso/login?a=1&ticket=x", "https://shop.example.com/sso/login\t",
            " https://shop.example.com/sso/login", "https://shop.example.com/sso/login\r\nX: y",
            "javascript://shop.example.com/sso/login", "ftp://shop.example.com/sso/login",
            "https://shop.exampIe.com/sso/login", "https://shop.example.com/sso/logіn", "*"})
    void everythingElseIsRefused(String redirect) {
        assertThat(list.match(redirect)).isNull();
    }

    @Test
    void oversizedRedirectsAreRefused() {
        assertThat(list.match("https://shop.example.com/sso/login?x=" + "a".repeat(3000))).isNull();
    }

    @Test
    void wildcardsAndRelativeEntriesFailTheStartUp() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RedirectAllowList(List.of("https://*.example.com/login")));
        assertThatIllegalArgumentException().isThrownBy(() -> new RedirectAllowList(List.of("*")));
        assertThatIllegalArgumentException().isThrownBy(() -> new RedirectAllowList(List.of("/sso/login")));
        assertThatIllegalArgumentException().isThrownBy(() -> new RedirectAllowList(List.of("https://a.com/login?x=1")));
        assertThatIllegalArgumentException().isThrownBy(() -> new RedirectAllowList(java.util.Arrays.asList((String) null)));
    }

    @Test
    void anEmptyListAllowsNothing() {
        RedirectAllowList empty = new RedirectAllowList(List.of());
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.match("https://shop.example.com/sso/login")).isNull();
    }
}
