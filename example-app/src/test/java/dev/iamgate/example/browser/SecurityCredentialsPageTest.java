package dev.iamgate.example.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.iamgate.example.testing.TestApp;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The "My Security Credentials" page in a real browser (Debian's Chromium and chromedriver, no
 * driver download): alice signs in, is asked to set up MFA, enables a virtual device from the page,
 * signs in again with a code, then creates and deletes an access key.
 */
class SecurityCredentialsPageTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOT = Path.of("target", "screenshots", "security-credentials.png");

    @TempDir
    Path data;

    @TempDir
    Path profile;

    private TestApp app;
    private ChromeDriverService service;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void start() {
        // Not a skip: CI installs them (.ci/run), so their absence is a broken environment.
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("the browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install -y chromium chromium-driver");
        }
        System.setProperty("SE_AVOID_STATS", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        app = TestApp.start(data);

        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,1600", "--user-data-dir=" + profile.toAbsolutePath());
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            if (app != null) {
                app.close();
            }
        }
    }

    @Test
    void aliceSetsUpMfaSignsInWithACodeAndManagesAnAccessKey() throws IOException {
        driver.get("http://127.0.0.1:" + app.port() + "/");

        // Password only: the page asks for MFA to be set up, and shows no errors.
        signIn();
        WebElement setup = visible("mfa-setup");
        assertThat(setup.getText()).contains("Set up MFA to continue");
        assertThat(status()).isEmpty();

        // Create the device named after alice; the QR code and the seed are shown.
        click("mfa-create");
        String seed = visible("mfa-seed").getText().trim();
        assertThat(seed).matches("[A-Za-z2-7]+=*");
        assertThat(driver.findElement(By.id("mfa-qr")).getAttribute("src")).startsWith("data:image/png;base64,");
        assertThat(naturalWidth("mfa-qr")).isPositive();

        // Two consecutive codes enable it (the test clock moves one step for each).
        type("mfa-code1", app.nextCode(seed));
        type("mfa-code2", app.nextCode(seed));
        click("mfa-enable-submit");
        assertThat(visible("mfa-done").getText()).contains("sign in again");

        // Sign out, sign in again: this time a code is asked for.
        click("sign-out");
        visible("sign-in");
        signIn();
        visible("mfa-code");
        type("mfa-code-input", app.nextCode(seed));
        click("mfa-code-submit");

        visible("credentials");
        wait.until(d -> d.findElement(By.id("account-id")).getText().equals("123456789012"));
        wait.until(d -> d.findElement(By.id("mfa-devices-list")).getText().contains("mfa/alice"));
        wait.until(d -> d.findElement(By.id("access-keys-list")).getText().contains("No access keys"));

        // A new access key: its secret is shown once, the key appears in the list.
        click("access-key-create");
        String keyId = visible("new-access-key-id").getText().trim();
        String secret = driver.findElement(By.id("new-secret-access-key")).getText().trim();
        assertThat(keyId).startsWith("AKIA");
        assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("access-key-" + keyId)));
        assertThat(row.getText()).contains("Active");

        click("access-key-secret-close");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("access-key-secret")));
        assertThat(driver.findElement(By.id("new-secret-access-key")).getAttribute("textContent")).isEmpty();
        assertThat(driver.getPageSource()).doesNotContain(secret);
        screenshot(); // the page with the new key listed, its secret no longer shown

        // Deleting it removes it from the list.
        click("access-key-delete-" + keyId);
        wait.until(ExpectedConditions.numberOfElementsToBe(By.id("access-key-" + keyId), 0));
        wait.until(d -> d.findElement(By.id("access-keys-list")).getText().contains("No access keys"));
        assertThat(status()).contains("deleted");
        assertThat(app.query("SELECT COUNT(*) FROM access_keys").get(0).get(0)).isEqualTo("0");
    }

    @Test
    void afterMfaAliceManagesSshKeysGitCredentialsAndSigningCertificates() {
        driver.get("http://127.0.0.1:" + app.port() + "/");
        signIn();
        click("mfa-create");
        String seed = visible("mfa-seed").getText().trim();
        type("mfa-code1", app.nextCode(seed));
        type("mfa-code2", app.nextCode(seed));
        click("mfa-enable-submit");
        visible("mfa-done");
        click("sign-out");
        signIn();
        type("mfa-code-input", app.nextCode(seed));
        click("mfa-code-submit");
        visible("credentials");
        wait.until(d -> d.findElement(By.id("ssh-keys-list")).getText().contains("No SSH public keys"));

        // An SSH public key: uploaded, listed, deleted.
        type("ssh-key-body", TestApp.resource("/ssh/ed25519.pub").trim());
        click("ssh-key-submit");
        WebElement sshRow = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#ssh-keys-list tr[id^='ssh-key-']")));
        String sshId = sshRow.getAttribute("id").substring("ssh-key-".length());
        assertThat(sshId).startsWith("APKA");
        click("ssh-key-delete-" + sshId);
        wait.until(d -> d.findElement(By.id("ssh-keys-list")).getText().contains("No SSH public keys"));

        // HTTPS Git credentials: the password shown once, listed, deleted.
        click("git-credential-create");
        String gitUser = visible("new-git-user").getText().trim();
        assertThat(gitUser).startsWith("alice-at-");
        assertThat(driver.findElement(By.id("new-git-password")).getText().trim()).isNotEmpty();
        WebElement gitRow = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#git-credentials-list tr[id^='git-credential-']")));
        assertThat(gitRow.getText()).contains(gitUser);
        click("git-credential-secret-close");
        click("git-credential-delete-" + gitRow.getAttribute("id").substring("git-credential-".length()));
        wait.until(d -> d.findElement(By.id("git-credentials-list")).getText().contains("No HTTPS Git credentials"));

        // A signing certificate: uploaded, listed, deleted.
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.getElementById('certificate-body').value = arguments[0];",
                TestApp.resource("/certificates/signing-1.pem"));
        click("certificate-submit");
        WebElement certRow = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#signing-certificates-list tr[id^='certificate-']")));
        assertThat(certRow.getText()).contains("Active");
        click("certificate-delete-" + certRow.getAttribute("id").substring("certificate-".length()));
        wait.until(d -> d.findElement(By.id("signing-certificates-list")).getText().contains("No signing certificates"));

        // An API error is shown in the status line: a malformed SSH key.
        type("ssh-key-body", "ssh-ed25519 not-a-key");
        click("ssh-key-submit");
        wait.until(d -> d.findElement(By.id("status")).getAttribute("class").equals("error"));
        assertThat(status()).isNotBlank();
    }

    private void signIn() {
        WebElement user = visible("user-name");
        user.clear();
        user.sendKeys("alice");
        type("password", TestApp.PASSWORD);
        click("sign-in-submit");
    }

    private WebElement visible(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    private void type(String id, String text) {
        WebElement field = visible(id);
        field.clear();
        field.sendKeys(text);
    }

    private String status() {
        return driver.findElement(By.id("status")).getText();
    }

    private long naturalWidth(String id) {
        Object width = ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.getElementById(arguments[0]).naturalWidth;", id);
        return ((Number) width).longValue();
    }

    private void screenshot() throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(shot.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
    }
}
