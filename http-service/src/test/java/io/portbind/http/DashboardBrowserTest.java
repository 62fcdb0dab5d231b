package io.portbind.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.common.testing.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person opens the dashboard in Chromium with all three services up, in-process: the services'
 * states render, the store's numbers show, the key form writes, reads, deletes and lists through
 * the API and reports every mistake, and the page says so when it loses the service or the store.
 * Leaves screenshots in target/: dashboard-three-services-up.png, dashboard-store-down.png and
 * dashboard-stream-lost.png.
 */
class DashboardBrowserTest {

    @RegisterExtension
    static final HttpServiceUnderTest service = HttpServiceUnderTest.overKvService().withChatService();

    private static Path profile;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        Path chromium = ExternalTool.require("chromium");
        Path chromedriver = ExternalTool.require("chromedriver");
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1100", "--user-data-dir=" + profile);
        ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(driverService, options);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void dashboardShowsAllThreeServicesUpAndTheKeyFormRoundTrips() throws IOException {
        service.put("/api/data/seeded", "so the store has a key");
        browser.get(service.uri("/").toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        wait.until(ExpectedConditions.attributeToBe(By.id("live"), "data-state", "live"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("service-chat-service")));
        for (String name : new String[] {"http-service", "kv-service", "chat-service"}) {
            assertEquals("up", state(name), name);
            assertTrue(text(By.cssSelector("#service-" + name + " .rtt")).endsWith("ms round trip"), name);
        }
        assertEquals("http://127.0.0.1:" + service.port(), text(By.cssSelector("#service-http-service .address")));
        assertTrue(text(By.cssSelector("#service-kv-service .address")).startsWith("redis://127.0.0.1:"));
        assertTrue(text(By.cssSelector("#service-chat-service .address")).startsWith("xmpp://127.0.0.1:"));
        wait.until(driver -> text(By.id("store-keys")).matches("[1-9][0-9]*"));
        assertTrue(text(By.id("store-memory")).matches("[0-9.]+[KMG]"), text(By.id("store-memory")));

        type(By.id("key"), "from the browser");
        type(By.id("value"), "typed in Chromium");
        type(By.id("ttl"), "300");
        browser.findElement(By.id("put")).click();
        awaitResult(wait, "PUT /api/data/from%20the%20browser?ttl=300 → 201");
        assertEquals("typed in Chromium", service.get("/api/data/from%20the%20browser").body()
                .replaceAll(".*\"value\":\"([^\"]*)\".*", "$1"));

        type(By.id("value"), "");
        browser.findElement(By.id("get")).click();
        awaitResult(wait, "GET /api/data/from%20the%20browser → 200");
        assertEquals("typed in Chromium", browser.findElement(By.id("value")).getDomProperty("value"));

        browser.findElement(By.id("delete")).click();
        awaitResult(wait, "DELETE /api/data/from%20the%20browser → 204");
        assertEquals(404, service.get("/api/data/from%20the%20browser").statusCode());

        browser.findElement(By.id("get")).click();
        awaitResult(wait, "GET /api/data/from%20the%20browser → 404");
        assertEquals("error", browser.findElement(By.id("result")).getDomAttribute("data-state"));

        type(By.id("key"), "from the browser");
        type(By.id("value"), "shown in the screenshot");
        browser.findElement(By.id("put")).click();
        awaitResult(wait, "→ 201");
        screenshot("dashboard-three-services-up.png");
    }

    @Test
    void everyActionReportsItsMistakeAndEnterGetsTheKey() {
        service.put("/api/data/entered", "got by pressing Enter");
        browser.get(service.uri("/").toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        type(By.id("key"), "");
        for (String action : new String[] {"get", "put", "delete"}) {
            type(By.id("value"), "");
            // Cleared so that each action's own report is awaited, not the one before.
            browser.executeScript("document.getElementById('result').textContent = ''");
            browser.findElement(By.id(action)).click();
            awaitResult(wait, "Enter a key first.");
            assertEquals("error", browser.findElement(By.id("result")).getDomAttribute("data-state"), action);
        }

        type(By.id("key"), "entered");
        browser.findElement(By.id("key")).sendKeys(Keys.ENTER);
        awaitResult(wait, "GET /api/data/entered → 200");
        assertEquals("got by pressing Enter", browser.findElement(By.id("value")).getDomProperty("value"));
        assertEquals(service.uri("/").toString(), browser.getCurrentUrl(), "the form never navigates");
    }

    @Test
    void listingShowsTheKeysPageByPageWithMore() {
        Set<String> written = new HashSet<>();
        for (int i = 0; i < 150; i++) {
            service.put("/api/data/listed:" + i, "v");
            written.add("listed:" + i);
        }
        browser.get(service.uri("/").toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        type(By.id("key"), "listed:");
        browser.findElement(By.id("list")).click();
        awaitResult(wait, "GET /api/data?prefix=listed%3A&cursor=0 → 200");
        int morePages = 0;
        while (browser.findElement(By.id("more")).isDisplayed()) {
            String before = text(By.id("result"));
            browser.findElement(By.id("more")).click();
            wait.until(driver -> !text(By.id("result")).equals(before));
            morePages++;
        }
        assertTrue(morePages > 0, "150 keys do not fit one page");
        assertTrue(text(By.id("result")).endsWith(", the last of them"), text(By.id("result")));
        @SuppressWarnings("unchecked")
        List<String> listed = (List<String>) browser.executeScript(
                "return [...document.querySelectorAll('#keys-found .found')].map(key => key.textContent)");
        assertEquals(written, new HashSet<>(listed));

        browser.findElement(By.xpath("//ul[@id='keys-found']//button[text()='listed:7']")).click();
        awaitResult(wait, "GET /api/data/listed%3A7 → 200");
    }

    @Test
    void cardsTurnUnknownWhileTheEventStreamIsDown() throws IOException {
        browser.get(service.uri("/").toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(driver -> "up".equals(state("http-service")));

        service.stop();
        try {
            wait.until(ExpectedConditions.attributeToBe(By.id("live"), "data-state", "reconnecting"));
            for (String name : new String[] {"http-service", "kv-service", "chat-service"}) {
                wait.until(driver -> "unknown".equals(state(name)));
                assertEquals("unknown", text(By.cssSelector("#service-" + name + " .state")).toLowerCase(), name);
            }
            assertEquals("unknown", browser.findElement(By.id("store")).getDomAttribute("data-state"));
            assertTrue(text(By.id("checked-at")).startsWith("last checked "), text(By.id("checked-at")));
            screenshot("dashboard-stream-lost.png");
        } finally {
            service.startAgain();
        }
        wait.until(ExpectedConditions.attributeToBe(By.id("live"), "data-state", "live"));
        wait.until(driver -> "up".equals(state("http-service")));
    }

    @Test
    void dashboardSaysSoWhenTheStoreGoesDownAndRecovers() throws IOException, InterruptedException {
        browser.get(service.uri("/").toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(driver -> "up".equals(state("kv-service")));

        service.store().stop();
        try {
            wait.until(driver -> "down".equals(state("kv-service")));
            wait.until(driver -> text(By.id("store-note")).startsWith("Store down: KV store unreachable at redis://"));
            assertEquals("down", browser.findElement(By.id("store")).getDomAttribute("data-state"));
            assertEquals("up", state("http-service"), "the page itself keeps working");
            screenshot("dashboard-store-down.png");
        } finally {
            service.store().startAgain();
        }
        wait.until(driver -> "up".equals(state("kv-service")));
        wait.until(driver -> "up".equals(browser.findElement(By.id("store")).getDomAttribute("data-state")));
    }

    /** The card's data-state, read in one script call since cards are rebuilt; null before the first render. */
    private static String state(String serviceName) {
        return (String) browser.executeScript("const card = document.getElementById(arguments[0]);"
                + " return card ? card.dataset.state : null;", "service-" + serviceName);
    }

    /** The element's text; the cards are rebuilt on every status event, so a stale find is retried. */
    private static String text(By locator) {
        for (int attempt = 1; ; attempt++) {
            try {
                return browser.findElement(locator).getText();
            } catch (StaleElementReferenceException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private static void type(By locator, String text) {
        WebElement field = browser.findElement(locator);
        field.clear();
        field.sendKeys(text);
    }

    /** Saved under the module's target/, where the build leaves everything it makes. */
    private static void screenshot(String name) throws IOException {
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", name),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static void awaitResult(WebDriverWait wait, String expected) {
        wait.until((WebDriver driver) -> text(By.id("result")).contains(expected));
    }
}
