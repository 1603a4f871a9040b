package org.eticket.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * Headless Chromium through Debian's {@code chromium} and {@code chromium-driver} (installed by
 * .ci/run); paths can be overridden with {@code -Dchromium.binary} and {@code -Dchromium.driver}.
 * Never downloads a browser or driver.
 */
final class Browser implements AutoCloseable {

    final ChromeDriver driver;
    final Path downloads;
    final Path screenshots;
    private int shot;

    Browser(Path target) {
        this(target, false);
    }

    /** A phone's screen (390 x 844 CSS pixels, touch, as Chromium's device emulation has it) when {@code phone}. */
    Browser(Path target, boolean phone) {
        String binary = System.getProperty("chromium.binary", "/usr/bin/chromium");
        String driverPath = System.getProperty("chromium.driver", "/usr/bin/chromedriver");
        if (!new File(binary).canExecute() || !new File(driverPath).canExecute()) {
            throw new IllegalStateException("headless Chromium is needed: install Debian's chromium and chromium-driver "
                    + "(as .ci/run does), or set -Dchromium.binary and -Dchromium.driver; looked for " + binary + " and " + driverPath);
        }
        try {
            downloads = Files.createDirectories(target.resolve("downloads"));
            try (var old = Files.list(downloads)) {
                for (Path f : old.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            screenshots = Files.createDirectories(target.resolve("screenshots"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1100", "--lang=en-GB");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false, "safebrowsing.enabled", false));
        if (phone) {
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", 390, "height", 844, "pixelRatio", 3.0, "mobile", true, "touch", true)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driverPath)).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(100));
    }

    /** Waits until the page has loaded and PrimeFaces has no Ajax request in flight. */
    void settle() {
        waiting().until(d -> Boolean.TRUE.equals(js("return document.readyState === 'complete'"
                + " && (!window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty())"
                + " && (!window.jQuery || jQuery.active === 0);")));
    }

    WebElement find(String css) {
        return waiting().until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    /** Saves a screenshot under target/screenshots, numbered in story order. */
    Path screenshot(String name) {
        try {
            Path file = screenshots.resolve(String.format("%02d-%s.png", ++shot, name));
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
