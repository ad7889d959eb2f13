package io.tradekit.idempotent.web;

import jakarta.servlet.http.HttpServletRequest;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fingerprint a claimed token is bound to: SHA-256 over the method, the path the container
 * matched (decoded, normalised), the query string as sent, and the body; each field length-prefixed
 * so that no two different requests share a canonical form. Form bodies
 * ({@code application/x-www-form-urlencoded}) count as their parameters sorted by name, so that the
 * fingerprint does not depend on who parsed them first.
 */
final class RequestFingerprint {

    private static final byte[] VERSION = "tradekit-idempotent-v1".getBytes(StandardCharsets.UTF_8);

    private RequestFingerprint() {
    }

    /** Whether the body is a form whose parameters (not bytes) are fingerprinted. */
    static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33);
    }

    /** Whether the body is multipart, which this starter does not fingerprint. */
    static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, "multipart/", 0, 10);
    }

    /**
     * @param request the request
     * @param path    the path within the application, as matched against the patterns
     * @param body    the body bytes; ignored for forms
     * @return 64 lower-case hexadecimal digits
     */
    static String of(HttpServletRequest request, String path, byte[] body) {
        ByteArrayOutputStream canonical = new ByteArrayOutputStream(256 + body.length);
        field(canonical, VERSION);
        field(canonical, utf8(request.getMethod()));
        field(canonical, utf8(path));
        field(canonical, utf8(request.getQueryString() == null ? "" : request.getQueryString()));
        field(canonical, isForm(request) ? utf8(formParameters(request.getParameterMap())) : body);
        return HexFormat.of().formatHex(sha256().digest(canonical.toByteArray()));
    }

    /** The parameters as {@code name=value&...}, URL-encoded, sorted by name, values in sent order. */
    static String formParameters(Map<String, String[]> parameters) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String[]> entry : new TreeMap<>(parameters).entrySet()) {
            for (String value : entry.getValue()) {
                text.append(text.isEmpty() ? "" : "&").append(URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(utf8(Integer.toString(value.length)));
        out.write(':');
        out.writeBytes(value);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
