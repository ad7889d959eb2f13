package io.tradekit.sso.session;

import cn.dev33.satoken.exception.SaJsonConvertException;
import cn.dev33.satoken.json.SaJsonTemplateForJackson;
import cn.dev33.satoken.session.SaSession;
import cn.dev33.satoken.sso.model.TicketModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestrictedSaJsonTemplateTests {

    private final RestrictedSaJsonTemplate json = new RestrictedSaJsonTemplate(List.of());

    @Test
    void saTokensOwnTypesAndJdkCollectionsRoundTrip() {
        TicketModel ticket = new TicketModel("t", "http://a/sso/login", "1001", "tok");
        TicketModel back = json.jsonToObject(json.objectToJson(ticket), TicketModel.class);
        assertThat(back.getLoginId()).isEqualTo("1001");
        assertThat(back.getClient()).isEqualTo("http://a/sso/login");

        ArrayList<String> permissions = new ArrayList<>(List.of("admin", "user"));
        assertThat(json.jsonToObject(json.objectToJson(permissions), Object.class)).isEqualTo(permissions);
    }

    @Test
    void aClassOutsideTheAllowedPackagesIsNotRevived() throws Exception {
        SaJsonTemplateForJackson saTokens = new SaJsonTemplateForJackson();
        SaSession session = new SaSession("s");
        session.getDataMap().put("k", new java.net.URL("http://127.0.0.1/"));
        String stored = saTokens.objectToJson(session);
        assertThat(stored).contains("java.net.URL");

        assertThatThrownBy(() -> json.jsonToObject(stored, SaSession.class))
                .isInstanceOf(SaJsonConvertException.class)
                .hasStackTraceContaining("java.net.URL");
        // Sa-Token's own template revives it: the reason for the restriction.
        assertThat(saTokens.jsonToObject(stored, SaSession.class).getDataMap().get("k")).isInstanceOf(java.net.URL.class);
    }

    @Test
    void configuredPackagesAreAllowed() {
        RestrictedSaJsonTemplate withNet = new RestrictedSaJsonTemplate(List.of("java.net", " ", ""));
        ArrayList<Object> value = new ArrayList<>(List.of(java.net.URI.create("http://127.0.0.1/")));
        String stored = withNet.objectToJson(value);
        assertThat(withNet.jsonToObject(stored, Object.class)).isEqualTo(value);
        assertThatThrownBy(() -> json.jsonToObject(stored, Object.class)).isInstanceOf(SaJsonConvertException.class);
    }
}
