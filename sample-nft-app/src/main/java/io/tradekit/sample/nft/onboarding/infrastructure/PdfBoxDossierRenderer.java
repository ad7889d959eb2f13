package io.tradekit.sample.nft.onboarding.infrastructure;

import io.tradekit.sample.nft.onboarding.domain.Dossier;
import io.tradekit.sample.nft.onboarding.domain.DossierRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * The dossier as a PDF with Apache PDFBox, in Noto Sans SC (SIL OFL, from the
 * {@code ph-fonts-noto-sans-sc} jar) embedded as a subset so Chinese prints on any machine without
 * system fonts. ID numbers are masked here, whatever the caller passes.
 */
@Component
class PdfBoxDossierRenderer implements DossierRenderer {

    static final String FONT = "/fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    private static final float MARGIN = 50;
    private static final float SIZE = 10;
    private static final float LEADING = 15;

    private volatile byte[] fontBytes;

    @Override
    public byte[] render(Dossier dossier) {
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = PDType0Font.load(document, new RandomAccessReadBuffer(font()), true, false);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Dossier " + dossier.application().appointmentNo());
            info.setProducer("tradekit sample-nft-app");
            Writer writer = new Writer(document, font);
            writer.lines(DossierText.lines(dossier));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return ToUnicodeFix.apply(out.toByteArray(), writer.cidToUnicode);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the dossier", e);
        }
    }

    private byte[] font() throws IOException {
        byte[] bytes = fontBytes;
        if (bytes == null) {
            try (InputStream in = PdfBoxDossierRenderer.class.getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IOException("font " + FONT + " is not on the classpath (ph-fonts-noto-sans-sc)");
                }
                bytes = in.readAllBytes();
            }
            fontBytes = bytes;
        }
        return bytes;
    }

    /** Writes lines top to bottom, wrapping long ones and starting new pages as needed. */
    private static final class Writer {
        private final PDDocument document;
        private final PDType0Font font;
        /** Which character each glyph was written for; see {@link ToUnicodeFix}. */
        private final Map<Integer, Integer> cidToUnicode = new TreeMap<>();
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument document, PDType0Font font) {
            this.document = document;
            this.font = font;
        }

        void lines(List<String> lines) throws IOException {
            try {
                for (String line : lines) {
                    boolean heading = line.startsWith("## ");
                    String text = sanitize(heading ? line.substring(3) : line);
                    for (String part : wrap(text, heading ? SIZE + 3 : SIZE)) {
                        write(part, heading ? SIZE + 3 : SIZE);
                    }
                }
            } finally {
                if (stream != null) {
                    stream.close();
                }
            }
        }

        private void write(String text, float size) throws IOException {
            if (stream == null || y < MARGIN) {
                if (stream != null) {
                    stream.close();
                }
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                stream = new PDPageContentStream(document, page);
                y = PDRectangle.A4.getHeight() - MARGIN;
            }
            if (!text.isEmpty()) {
                stream.beginText();
                stream.setFont(font, size);
                stream.newLineAtOffset(MARGIN, y);
                // One glyph per call: within one call PDFBox 3 applies the font's GSUB ligatures
                // ("ffi" of "officer" becomes one glyph), which have no entry in the ToUnicode map, so
                // extracted and copied text lost those letters ("o cer").
                for (int i = 0; i < text.length(); ) {
                    int cp = text.codePointAt(i);
                    stream.showText(new String(Character.toChars(cp)));
                    i += Character.charCount(cp);
                }
                stream.endText();
            }
            y -= LEADING + (size - SIZE);
        }

        private List<String> wrap(String text, float size) throws IOException {
            List<String> parts = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                String next = current + new String(Character.toChars(cp));
                if (current.length() > 0 && font.getStringWidth(next) / 1000 * size > width) {
                    parts.add(current.toString());
                    current.setLength(0);
                }
                current.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
            parts.add(current.toString());
            return parts;
        }

        /** Characters the font cannot show (controls, emoji outside it) print as '?'. */
        private String sanitize(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                String s = new String(Character.toChars(cp));
                boolean ok = !Character.isISOControl(cp);
                if (ok) {
                    try {
                        byte[] code = font.encode(s);
                        // Identity-H: two bytes per glyph, the CID.
                        if (code.length == 2) {
                            cidToUnicode.putIfAbsent(((code[0] & 0xff) << 8) | (code[1] & 0xff), cp);
                        }
                    } catch (IllegalArgumentException | IOException e) {
                        ok = false;
                    }
                }
                out.append(ok ? s : "?");
            });
            return out.toString();
        }
    }
}
