package io.tradekit.idempotent.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Real HTTP calls to a started server. */
final class HttpProbe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    HttpProbe(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Response post(String path, String token) throws IOException, InterruptedException {
        return post(path, token, null);
    }

    Response post(String path, String token, String user) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Idempotency-Key", token);
        }
        if (user != null) {
            request.header(TestTradeApplication.TEST_USER_HEADER, user);
        }
        return send(request.build());
    }

    /** A POST with a JSON body, a token and maybe a user. */
    Response postJson(String path, String token, String user, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(40)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Idempotency-Key", token);
        }
        if (user != null) {
            request.header(TestTradeApplication.TEST_USER_HEADER, user);
        }
        return send(request.build());
    }

    /** Any method, headers as name/value pairs, any body bytes. */
    Response send(String method, String path, byte[] body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(40)).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    /** A POST whose body is sent chunked (no Content-Length), {@code size} zero bytes. */
    Response postChunked(String path, String token, int size) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(40))
                .header("Idempotency-Key", token).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[size])))
                .build();
        return send(request);
    }

    Response get(String pathAndQuery, String user) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(20)).GET();
        if (user != null) {
            request.header(TestTradeApplication.TEST_USER_HEADER, user);
        }
        return send(request.build());
    }

    String issue(String scene, String user) throws IOException, InterruptedException {
        Response response = get("/idempotent/token?scene=" + scene, user);
        if (response.status() != 200) {
            throw new IllegalStateException("token endpoint answered " + response.status() + ": " + response.body());
        }
        return response.json().get("data").asText();
    }

    private Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(), response.headers());
    }

    record Response(int status, String body, java.net.http.HttpHeaders headers) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        String code() {
            return json().get("code").asText();
        }
    }
}
