package io.tradekit.sample.nft.shared.web.limit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.order.TradingClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Request bodies over {@code sample.web.max-request-body} (64 KB here) are answered 413 with a JSON
 * {@code BaseResponse} before anything parses them, whether the length is declared or the body is
 * chunked; and nothing is created. Raw sockets, so the test controls framing and what is sent.
 */
@SampleAppTest
class RequestBodyLimitTest {

    private static final int CAP = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void declaredTenMegabytesAreRefusedBeforeTheBodyIsSent() throws Exception {
        String phone = TradingClient.uniquePhone();
        try (Socket socket = socket()) {
            OutputStream out = socket.getOutputStream();
            out.write(head("Content-Length: " + (10 * 1024 * 1024)));
            out.write(registration(phone, 10).getBytes(StandardCharsets.UTF_8));
            out.flush();
            // Nothing more is sent: the answer must come without the server waiting for the 10 MB.
            Response response = read(socket.getInputStream());
            assertThat(response.status).isEqualTo(413);
            assertThat(response.body.path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
            assertThat(response.body.path("success").asBoolean(true)).isFalse();
        }
        assertThat(accounts(phone)).isZero();
    }

    @Test
    void chunkedBodiesAreCutAtTheCapWhileReading() throws Exception {
        String phone = TradingClient.uniquePhone();
        byte[] body = registration(phone, CAP + 1).getBytes(StandardCharsets.UTF_8);
        try (Socket socket = socket()) {
            OutputStream out = socket.getOutputStream();
            out.write(head("Transfer-Encoding: chunked"));
            writeChunked(out, body, 4096);
            Response response = read(socket.getInputStream());
            assertThat(response.status).isEqualTo(413);
            assertThat(response.body.path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        }
        assertThat(accounts(phone)).isZero();
    }

    @Test
    void aTenMegabyteChunkedStreamIsRefusedAndNeverCreatesTheUser() throws Exception {
        String phone = TradingClient.uniquePhone();
        byte[] body = registration(phone, 10 * 1024 * 1024).getBytes(StandardCharsets.UTF_8);
        try (Socket socket = socket()) {
            OutputStream out = socket.getOutputStream();
            out.write(head("Transfer-Encoding: chunked"));
            // The server may close while we still send: the writer's failure is expected, the answer counts.
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    writeChunked(out, body, 64 * 1024);
                } catch (IOException closedByServer) {
                    // the server stopped reading at the cap
                }
            });
            Response response = read(socket.getInputStream());
            assertThat(response.status).isEqualTo(413);
            assertThat(response.body.path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
            socket.close();
            writer.get();
        }
        assertThat(accounts(phone)).isZero();
    }

    @Test
    void bodiesUpToTheCapAreReadWhateverTheFraming() throws Exception {
        String chunkedPhone = TradingClient.uniquePhone();
        try (Socket socket = socket()) {
            socket.getOutputStream().write(head("Transfer-Encoding: chunked"));
            writeChunked(socket.getOutputStream(), registration(chunkedPhone, 0).getBytes(StandardCharsets.UTF_8), 7);
            Response response = read(socket.getInputStream());
            assertThat(response.status).as(response.body.toString()).isEqualTo(200);
        }
        assertThat(accounts(chunkedPhone)).isOne();

        // Exactly at the cap (padded with JSON whitespace): read, parsed, registered; one byte more: 413 unread
        // (the same phone would otherwise answer TELEPHONE_TAKEN).
        String atCap = registration(TradingClient.uniquePhone(), 0);
        atCap = atCap.substring(0, atCap.length() - 1) + " ".repeat(CAP - atCap.length()) + "}";
        assertThat(atCap.getBytes(StandardCharsets.UTF_8)).hasSize(CAP);
        TradingClient client = new TradingClient(port);
        assertThat(client.post("/user/register", null, atCap).status()).isEqualTo(200);
        assertThat(client.post("/user/register", null, atCap + " ").status()).isEqualTo(413);
    }

    @Test
    void hostileFramingIsRefusedNeverAServerFailure() throws Exception {
        for (String header : new String[] {"Content-Length: -1", "Content-Length: 99999999999999999999",
            "Content-Length: 12, 13", "Transfer-Encoding: gzip, chunked"}) {
            try (Socket socket = socket()) {
                socket.getOutputStream().write(head(header));
                socket.getOutputStream().write("{}".getBytes(StandardCharsets.UTF_8));
                socket.shutdownOutput();
                int status = read(socket.getInputStream()).status;
                // 400 from Tomcat for broken lengths, 501 Not Implemented for a transfer coding it lacks.
                assertThat(status).as(header).isIn(400, 411, 413, 501);
            }
        }
    }

    private Socket socket() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static byte[] head(String framing) {
        return ("POST /user/register HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + framing + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    // A registration whose nick name pads the body to at least `size` bytes.
    private static String registration(String phone, int size) {
        String start = "{\"telephone\":\"" + phone + "\",\"password\":\"" + TradingClient.PASSWORD + "\"";
        if (size <= 0) {
            return start + "}";
        }
        return start + ",\"nickName\":\"" + "n".repeat(Math.max(1, size - start.length() - 15)) + "\"}";
    }

    private static void writeChunked(OutputStream out, byte[] body, int chunk) throws IOException {
        for (int offset = 0; offset < body.length; offset += chunk) {
            int length = Math.min(chunk, body.length - offset);
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, offset, length);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private record Response(int status, JsonNode body) {
    }

    // Reads one HTTP/1.1 response with a Content-Length body (what FailureResponses and Spring send).
    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        int length = -1;
        boolean chunked = false;
        for (String line : lines) {
            String lower = line.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        byte[] body = chunked ? readChunks(in) : length >= 0 ? in.readNBytes(length) : new byte[0];
        JsonNode json;
        try {
            json = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException notJson) {
            // Tomcat answers malformed HTTP framing itself, before the application (its HTML page).
            json = JSON.createObjectNode().put("raw", new String(body, StandardCharsets.UTF_8));
        }
        return new Response(status, json);
    }

    private static byte[] readChunks(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            StringBuilder size = new StringBuilder();
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                if (b != '\r') {
                    size.append((char) b);
                }
            }
            int length = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
            if (length == 0) {
                return body.toByteArray();
            }
            body.write(in.readNBytes(length));
            in.readNBytes(2);
        }
    }

    private int accounts(String phone) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM nft_user WHERE telephone = ?", Integer.class, phone);
    }
}
