package io.tradekit.sample.nft.shared.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GET /actuator/prometheus over HTTP, and the series of its text answer. */
public final class PrometheusScrape {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One series: metric name and labels. */
    public record Series(String name, Map<String, String> labels) {
    }

    /** An answer: status, content type and body. */
    public record Answer(int status, String contentType, String body) {
    }

    private PrometheusScrape() {
    }

    /** Scrapes {@code /actuator/prometheus} with the session's token ({@code null}: anonymous). */
    public static Answer get(int port, String session) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .header("Accept", "text/plain").timeout(Duration.ofSeconds(30)).GET();
        if (session != null) {
            request.header("tradekit-token", session);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The series of a text-format answer (comment lines skipped). */
    public static List<Series> series(String body) {
        List<Series> series = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            if (brace >= 0 && (space < 0 || brace < space)) {
                Map<String, String> labels = new HashMap<>();
                Matcher label = LABEL.matcher(line.substring(brace, line.lastIndexOf('}') + 1));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
                series.add(new Series(line.substring(0, brace), labels));
            } else {
                series.add(new Series(line.substring(0, space), Map.of()));
            }
        }
        return series;
    }
}
