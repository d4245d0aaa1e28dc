package com.parla.system;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import java.io.File;
import java.nio.file.Files;

/**
 * Debian's Chromium and ChromeDriver (packages chromium, chromium-driver), named explicitly so that Selenium never
 * tries to download a browser or driver.
 */
final class HeadlessChromium {

    static final File BROWSER = new File(System.getProperty("parla.it.chromium", "/usr/bin/chromium"));
    static final File DRIVER = new File(System.getProperty("parla.it.chromedriver", "/usr/bin/chromedriver"));

    private HeadlessChromium() {
    }

    static boolean installed() {
        return BROWSER.canExecute() && DRIVER.canExecute();
    }

    static ChromeDriver start() throws Exception {
        ChromeOptions options = new ChromeOptions()
                .setBinary(BROWSER)
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                        "--user-data-dir=" + Files.createTempDirectory("parla-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
