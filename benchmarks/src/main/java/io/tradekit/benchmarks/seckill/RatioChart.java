package io.tradekit.benchmarks.seckill;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Issue 17's goals as a PNG (Java2D, headless): one bar per phase, its rate ÷ the public cached GET's
 * measured in the same run, with the goal drawn as a red mark; the seckill's refusals after the sell-out
 * as a last bar.
 */
final class RatioChart {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;
    private static final int LEFT = 300;
    private static final int RIGHT = 60;
    private static final int TOP = 70;
    private static final int BOTTOM = 70;

    /** One bar: its label, its ratio, its goal (NaN: none). */
    record Bar(String label, double ratio, double goal) {
    }

    private RatioChart() {
    }

    static void write(Path file, List<Bar> bars, String caption) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            draw(g, bars, caption);
        } finally {
            g.dispose();
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }

    private static void draw(Graphics2D g, List<Bar> bars, String caption) {
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        double max = 1.2;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        g.drawString("tradekit sold-out goals: rate ÷ public cached GET (same run)", 20, 35);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (int i = 0; i <= 6; i++) {
            double value = max * i / 6;
            int x = LEFT + (int) Math.round(plotW * value / max);
            g.setColor(new Color(225, 225, 225));
            g.drawLine(x, TOP, x, TOP + plotH);
            g.setColor(Color.DARK_GRAY);
            String label = String.format(Locale.ROOT, "%.1f×", value);
            g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, TOP + plotH + 18);
        }
        int slot = plotH / Math.max(1, bars.size());
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = TOP + i * slot + slot / 5;
            int h = slot * 3 / 5;
            int w = (int) Math.round(plotW * Math.min(bar.ratio(), max) / max);
            g.setColor(new Color(31, 119, 180));
            g.fillRect(LEFT, y, Math.max(1, w), h);
            g.setColor(Color.BLACK);
            g.drawString(bar.label(), LEFT - 10 - g.getFontMetrics().stringWidth(bar.label()), y + h / 2 + 5);
            g.drawString(String.format(Locale.ROOT, "%.2f×", bar.ratio()), LEFT + w + 6, y + h / 2 + 5);
            if (!Double.isNaN(bar.goal())) {
                int gx = LEFT + (int) Math.round(plotW * bar.goal() / max);
                g.setColor(new Color(200, 40, 40));
                g.setStroke(new BasicStroke(3f));
                g.drawLine(gx, y - 4, gx, y + h + 4);
                g.setStroke(new BasicStroke(1f));
                g.drawString(String.format(Locale.ROOT, "goal %.2f×", bar.goal()), gx + 4, y - 2);
            }
        }
        g.setColor(Color.BLACK);
        g.drawLine(LEFT, TOP, LEFT, TOP + plotH);
        g.setColor(Color.DARK_GRAY);
        g.drawString(caption, 20, HEIGHT - 20);
    }
}
