package io.tradekit.sample.nft.onboarding.infrastructure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Rewrites the ToUnicode map of the embedded CJK font with the characters actually written.
 *
 * <p>Why: Noto Sans SC maps a Kangxi radical (U+2F00 ⼀) and the ideograph it looks like (U+4E00 一)
 * to the same glyph, and PDFBox 3.0.6 builds ToUnicode from the lowest code point of each glyph, so
 * copied or extracted text said ⼀ for 一 (网 came out as ⽹). Search and text extraction then fail.
 * The writer knows which character it drew with each glyph; that map replaces PDFBox's guess.
 */
final class ToUnicodeFix {

    private ToUnicodeFix() {
    }

    static byte[] apply(byte[] pdf, Map<Integer, Integer> cidToUnicode) throws IOException {
        if (cidToUnicode.isEmpty()) {
            return pdf;
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            byte[] cmap = cmap(cidToUnicode);
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    if (font instanceof PDType0Font) {
                        PDStream stream = new PDStream(document);
                        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                            out.write(cmap);
                        }
                        font.getCOSObject().setItem(COSName.TO_UNICODE, stream);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length);
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] cmap(Map<Integer, Integer> cidToUnicode) {
        StringBuilder c = new StringBuilder()
                .append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
                .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
                .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
                .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        Object[] entries = cidToUnicode.entrySet().toArray();
        // A bfchar block holds at most 100 entries.
        for (int start = 0; start < entries.length; start += 100) {
            int end = Math.min(entries.length, start + 100);
            c.append(end - start).append(" beginbfchar\n");
            for (int i = start; i < end; i++) {
                @SuppressWarnings("unchecked")
                Map.Entry<Integer, Integer> e = (Map.Entry<Integer, Integer>) entries[i];
                c.append(String.format("<%04X> <", e.getKey()));
                for (char ch : Character.toChars(e.getValue())) {
                    c.append(String.format("%04X", (int) ch));
                }
                c.append(">\n");
            }
            c.append("endbfchar\n");
        }
        c.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return c.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
