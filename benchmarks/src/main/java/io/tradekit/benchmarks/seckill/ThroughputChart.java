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
 * Orders/s against virtual users as a PNG, drawn with Java2D (headless): one point per step, each
 * labelled with its p50/p99 buy latency; the Redis deduction ceiling is far above the plot (two or
 * more orders of magnitude) so it is stated in the caption rather than drawn to scale.
 */
final class ThroughputChart {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;
    private static final int LEFT = 90;
    private static final int RIGHT = 40;
    private static final int TOP = 70;
    private static final int BOTTOM = 110;

    private ThroughputChart() {
    }

    static void write(Path file, List<SeckillLoadDriver.Step> steps, double redisCeiling) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            draw(g, steps, redisCeiling);
        } finally {
            g.dispose();
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }

    private static void draw(Graphics2D g, List<SeckillLoadDriver.Step> steps, double redisCeiling) {
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        double maxY = niceCeiling(steps.stream().mapToDouble(SeckillLoadDriver.Step::ordersPerSecond).max().orElse(1) * 1.15);
        // x: log2 of users, so 1, 4, 16, 64 are evenly spaced.
        double maxX = Math.max(1, log2(steps.stream().mapToInt(SeckillLoadDriver.Step::users).max().orElse(1)));

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString("tradekit seckill: POST /trade/buy end to end, orders/s vs virtual users", LEFT, 35);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));

        for (int i = 0; i <= 5; i++) {
            double value = maxY * i / 5;
            int y = TOP + plotH - (int) Math.round(plotH * i / 5.0);
            g.setColor(new Color(225, 225, 225));
            g.drawLine(LEFT, y, LEFT + plotW, y);
            g.setColor(Color.DARK_GRAY);
            String label = String.format(Locale.ROOT, "%.0f", value);
            g.drawString(label, LEFT - 10 - g.getFontMetrics().stringWidth(label), y + 5);
        }
        g.setColor(Color.BLACK);
        g.drawLine(LEFT, TOP, LEFT, TOP + plotH);
        g.drawLine(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString("accepted orders / s", -(TOP + plotH / 2 + 60), 30);
        rotated.dispose();
        g.drawString("virtual users (closed loop: token, then buy)", LEFT + plotW / 2 - 140, TOP + plotH + 45);

        int[] xs = new int[steps.size()];
        int[] ys = new int[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            SeckillLoadDriver.Step s = steps.get(i);
            xs[i] = LEFT + 30 + (int) Math.round((plotW - 90) * log2(s.users()) / maxX);
            ys[i] = TOP + plotH - (int) Math.round(plotH * s.ordersPerSecond() / maxY);
            g.setColor(Color.DARK_GRAY);
            String users = Integer.toString(s.users());
            g.drawString(users, xs[i] - g.getFontMetrics().stringWidth(users) / 2, TOP + plotH + 20);
        }
        g.setColor(new Color(31, 119, 180));
        g.setStroke(new BasicStroke(2.5f));
        g.drawPolyline(xs, ys, xs.length);
        for (int i = 0; i < steps.size(); i++) {
            SeckillLoadDriver.Step s = steps.get(i);
            g.setColor(new Color(31, 119, 180));
            g.fillOval(xs[i] - 5, ys[i] - 5, 10, 10);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%.0f/s", s.ordersPerSecond()), xs[i] - 20, ys[i] - 26);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "p50 %.0f / p99 %.0f ms", s.buyP50(), s.buyP99()),
                    xs[i] - 60, ys[i] - 10);
        }
        g.setColor(new Color(200, 60, 40));
        g.drawString(String.format(Locale.ROOT, "Redis deduction ceiling on the same Redis (redis-benchmark -c 50 -P 1 "
                + "EVALSHA of the deduct script): %.0f/s, off this scale", redisCeiling), LEFT, HEIGHT - 40);
        g.setColor(Color.DARK_GRAY);
        g.drawString("latencies: POST /trade/buy alone; 2-core shared machine: compare shapes and ratios, not absolutes",
                LEFT, HEIGHT - 20);
    }

    private static double log2(int value) {
        return Math.log(value) / Math.log(2);
    }

    /** The smallest 1, 2 or 5 times a power of ten at or above {@code value}. */
    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(value, 1))));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
