package io.tradekit.sample.nft;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The README's five-minute tour cannot drift from the code: {@code scripts/tour.sh} holds the README's
 * tour block verbatim, and the script runs (bash, curl, jq as a child process) against this started
 * application, from the admin's collection through the buy, pay, NFT proof and the onboarding flow to
 * the printed dossier. The child process and its children are always killed and reaped.
 */
@SampleAppTest
class TourScriptTest {

    private static final Path README = Path.of("README.md");
    private static final Path SCRIPT = Path.of("scripts", "tour.sh");
    private static final long TOUR_TIMEOUT_SECONDS = 240;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theScriptHoldsTheReadmeTourBlockVerbatim() throws IOException {
        String block = between(Files.readString(README), "<!-- tour:begin -->\n```bash\n", "```\n<!-- tour:end -->");
        String scripted = between(Files.readString(SCRIPT), "# --- tour:begin (README.md) ---\n", "# --- tour:end ---");
        assertThat(scripted).isEqualTo(block);
        assertThat(Files.isExecutable(SCRIPT)).as("scripts/tour.sh is executable").isTrue();
        // The admin step is one marked line, so the way admins are provisioned changes in one place.
        List<String> lines = block.lines().toList();
        int marker = lines.indexOf("# TOUR-ADMIN-LOGIN (the only line that knows how admins are provisioned):");
        assertThat(marker).isNotNegative();
        assertThat(lines.get(marker + 1)).startsWith("ADMIN=$(");
        assertThat(lines.stream().filter(l -> l.startsWith("ADMIN="))).hasSize(1);
    }

    @Test
    void theTourRunsAsWrittenAgainstTheApplication(@TempDir Path work) throws Exception {
        for (String tool : List.of("bash", "curl", "jq")) {
            assertThat(onPath(tool)).as(tool + " must be installed to run the README tour (Debian: apt-get install "
                    + tool + ")").isTrue();
        }
        Path log = work.resolve("tour.log");
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toAbsolutePath().toString(),
                "http://127.0.0.1:" + port).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("H");
        Process tour = builder.start();
        boolean finished;
        try {
            finished = tour.waitFor(TOUR_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } finally {
            tour.descendants().forEach(ProcessHandle::destroyForcibly);
            tour.destroyForcibly();
            tour.waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("the tour ended within %d s:%n%s", TOUR_TIMEOUT_SECONDS, output).isTrue();
        assertThat(tour.exitValue()).as("exit status of the tour:%n%s", output).isZero();
        assertThat(output).contains("tour complete").doesNotContain("ORDER_NOT_FOUND");

        // What the tour did, seen in the database: a paid order with its NFT, an archived application.
        Long orderId = jdbc.queryForObject("SELECT MAX(o.id) FROM nft_order o JOIN nft_user u ON u.id = o.buyer_id"
                + " WHERE u.telephone = '13912345678' AND o.state = 'PAID'", Long.class);
        assertThat(orderId).as("a paid order of the tour's buyer").isNotNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM chain_transaction WHERE order_id = ?", Integer.class,
                orderId)).isEqualTo(1);
        Long applicationId = jdbc.queryForObject("SELECT MAX(id) FROM onb_application"
                + " WHERE company_name = '北京月光科技有限公司' AND status = 'ARCHIVED'", Long.class);
        assertThat(applicationId).as("the tour's archived application").isNotNull();
        assertThat(jdbc.queryForObject("SELECT conclusion FROM onb_due_diligence WHERE application_id = ?"
                + " ORDER BY id DESC LIMIT 1", String.class, applicationId)).isEqualTo("PASS");
        Path dossier = work.resolve("dossier-" + applicationId + ".pdf");
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(dossier))) {
            assertThat(new PDFTextStripper().getText(document)).contains("北京月光科技有限公司")
                    .contains("尽职调查 Due diligence").contains("Conclusion: PASS").contains("原件已核对")
                    .doesNotContain("110105198506151236");
        }
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("marker %s", start).isNotNegative();
        int to = text.indexOf(end, from + start.length());
        assertThat(to).as("marker %s", end).isNotNegative();
        return text.substring(from + start.length(), to);
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }
}
