package io.tradekit.sample.nft.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.sample.nft.onboarding.api.SubmitApplicationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Real HTTP against the running sample as branch staff; tokens cached per login for the JVM. */
public final class OnboardingHttp {

    /** The demo staff password of V602. */
    public static final String PASSWORD = "Demo-Pass-2026";
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRestTemplate http;

    public OnboardingHttp(TestRestTemplate http) {
        this.http = http;
    }

    public String token(String loginName) {
        return TOKENS.computeIfAbsent(loginName, name -> {
            ResponseEntity<String> response = post("/onboarding/staff/login",
                    Map.of("loginName", name, "password", PASSWORD), null);
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
            return json(response).at("/data/token").asText();
        });
    }

    public ResponseEntity<String> post(String path, Object body, String token) {
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers(token)), String.class);
    }

    public ResponseEntity<String> put(String path, Object body, String token) {
        return http.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers(token)), String.class);
    }

    /** GET; {@code uriVariables} fill {@code {placeholders}} in the path, encoded. */
    public ResponseEntity<String> get(String path, String token, Object... uriVariables) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(token)), String.class, uriVariables);
    }

    public ResponseEntity<byte[]> bytes(HttpMethod method, String path, String token) {
        return http.exchange(path, method, new HttpEntity<>(headers(token)), byte[].class);
    }

    /** Submits as the officer and returns the new application's id. */
    public long submit(String token, SubmitApplicationRequest request) {
        ResponseEntity<String> response = post("/onboarding/applications", request, token);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json(response).at("/data/applicationId").asLong();
    }

    /** Performs an action that must succeed and returns the application view. */
    public JsonNode act(String token, long id, String action) {
        ResponseEntity<String> response = post("/onboarding/applications/" + id + "/actions/" + action,
                Map.of("comment", "by test"), token);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json(response).get("data");
    }

    /**
     * Records a due diligence answering every checklist item with {@code result}; returns the answer.
     *
     * @param conclusion PASS, FAIL or NEEDS_MORE
     */
    public ResponseEntity<String> recordDueDiligence(String token, long id, String result, String findings,
                                                     String conclusion) {
        JsonNode checklist = json(get("/onboarding/applications/" + id + "/due-diligence", token))
                .at("/data/checklist");
        List<Map<String, String>> items = new ArrayList<>();
        checklist.forEach(item -> items.add(Map.of("code", item.get("code").asText(), "result", result,
                "note", "已核对 " + item.get("code").asText())));
        return post("/onboarding/applications/" + id + "/due-diligence",
                Map.of("items", items, "findings", findings, "conclusion", conclusion), token);
    }

    /** Records a due diligence that confirms every item and concludes PASS (must succeed). */
    public JsonNode passDueDiligence(String token, long id) {
        ResponseEntity<String> response = recordDueDiligence(token, id, "CONFIRMED", "实地走访，原件已核对。", "PASS");
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json(response).get("data");
    }

    public static JsonNode json(ResponseEntity<String> response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    /** Asserts an HTTP status and the response's error code. */
    public static void assertFailure(ResponseEntity<String> response, HttpStatus status, String code) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        JsonNode body = json(response);
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("code").asText()).isEqualTo(code);
    }

    private static HttpHeaders headers(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.set("tradekit-token", token);
        }
        return headers;
    }
}
