package io.tradekit.sample.nft.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's {@code /usr/bin/chromium} through {@code /usr/bin/chromedriver}; nothing
 * downloaded), pointed at one running instance, with the checks every browser test makes: axe-core's
 * accessibility rules inside the page and a screenshot per page under {@code target/screenshots}.
 * Close it (try-with-resources): the browser and driver processes end with it.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Path DOWNLOADS = Path.of("target", "downloads");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    private final ChromeDriver driver;
    private final String base;

    Browser(int port) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need Debian's Chromium and its driver: "
                    + "apt-get install chromium chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + ")");
        }
        ChromeOptions options = new ChromeOptions();
        // Downloads (the officer's PDF) land in target/downloads without a prompt.
        options.setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=zh-CN", "--no-first-run", "--disable-sync",
                "--disable-background-networking", "--disable-component-update", "--disable-default-apps",
                // Keep the browser on loopback: every other host name fails to resolve.
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
        this.base = "http://127.0.0.1:" + port;
    }

    WebDriver driver() {
        return driver;
    }

    String base() {
        return base;
    }

    void open(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() ? null : found.get(0);
        });
    }

    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Scrolls an element to the middle of the window and clicks it, again while something covers it or it
     * moves (a script re-rendering the page around it).
     */
    void click(String css) {
        until(d -> {
            WebElement element = find(css);
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return null;
            }
            try {
                element.click();
                return Boolean.TRUE;
            } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
                return null;
            }
        });
    }

    /** Sets a field's value as a script would (date inputs take keys in the browser's locale order). */
    void setValue(String css, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", find(css), value);
    }

    /** Waits for the page's status box to hold {@code text}; answers the box's text. */
    String awaitStatus(String text) {
        return until(d -> {
            String shown = d.findElement(By.id("status")).getText();
            return shown.contains(text) ? shown : null;
        });
    }

    /**
     * Runs axe-core in the page and fails on any serious or critical violation. Injected through the
     * driver (not a script tag), so the page's Content-Security-Policy stays as strict as in production.
     */
    @SuppressWarnings("unchecked")
    void assertAccessible(String page) {
        ((JavascriptExecutor) driver).executeScript(axeSource());
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                    .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))))
                    .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));
                """);
        List<Map<String, Object>> violations = (List<Map<String, Object>>) result;
        assertThat(violations.stream().filter(v -> "serious".equals(v.get("impact"))
                || "critical".equals(v.get("impact"))).toList())
                .as("serious or critical accessibility violations on " + page).isEmpty();
    }

    /** Saves a screenshot of the current page as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Accessibility check and screenshot of the page as it is now. */
    void check(String name) {
        assertAccessible(name);
        screenshot(name);
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException("axe-core WebJar missing from the test classpath: " + AXE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
