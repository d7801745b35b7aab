package sohieu.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import sohieu.cli.Json;
import sohieu.cli.Main;

/**
 * The page in a real browser (Debian's headless chromium, driven by Selenium through its chromedriver) on a
 * temporary index of the corpus: search, open a reference, its timeline against the API's counts, a citation link
 * followed, the references table. Screenshots go to target/screenshots/.
 */
class BrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium"), DRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SHOTS = Path.of("target", "screenshots");

  @TempDir static Path tmp;
  static Server server;
  static ChromeDriver browser;
  static WebDriverWait wait;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Files.isExecutable(DRIVER) && Files.isExecutable(CHROMIUM),
        "no " + DRIVER + " or " + CHROMIUM + ": install Debian's chromium and chromium-driver to run the browser tests");
    Path index = tmp.resolve("index");
    StringWriter err = new StringWriter();
    assertEquals(0, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "ingest", "--exclude", "SOURCES.md",
        "--index", index.toString(), "corpus"), err.toString());
    server = new Server(index, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Json.MAPPER, 5_000, null);
    server.start();
    base = "http://127.0.0.1:" + server.address().getPort();
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
        .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            "--window-size=1280,1500", "--user-data-dir=" + Files.createDirectories(tmp.resolve("chromium-profile")));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) browser.quit();
    if (server != null) server.close();
  }

  static void shot(String name) throws Exception {
    File f = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  static JsonNode api(String pathAndQuery) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, r.statusCode(), r.body());
    return Json.MAPPER.readTree(r.body());
  }

  @Test
  void searchThenReferenceThenCitationLink() throws Exception {
    browser.get(base + "/#/search?q=" + URLEncoder.encode("12-CT/TW", StandardCharsets.UTF_8));
    WebElement total = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("total")));
    assertEquals("2 documents", total.getText());
    assertEquals(2, browser.findElements(By.cssSelector("#hits .hit")).size());
    assertFalse(browser.findElements(By.cssSelector("#hits .snippet mark")).isEmpty(), "matches highlighted");
    assertTrue(browser.findElement(By.id("facets")).getText().toLowerCase(java.util.Locale.ROOT).contains("language"));
    // The reference types listed are the API's count of the found documents by the type facet, not a guess from
    // the numbers' spelling.
    Map<String, Long> typesShown = new TreeMap<>(), typesCounted = new TreeMap<>();
    @SuppressWarnings("unchecked")
    Map<String, Object> listed = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(
        "const h = [...document.querySelectorAll('#facets h3')].find(e => e.textContent === 'Reference type');"
            + "const out = {}; if (h) h.nextElementSibling.querySelectorAll('li').forEach(li =>"
            + " out[li.querySelector('a').textContent] = +li.querySelector('span').textContent); return out;");
    listed.forEach((t, n) -> typesShown.put(t, ((Number) n).longValue()));
    api("/api/search?facets=true&q=" + URLEncoder.encode("12-CT/TW", StandardCharsets.UTF_8)).get("facets").get("types")
        .forEach(c -> typesCounted.put(c.get("label").asText(), c.get("documents").asLong()));
    assertFalse(typesCounted.isEmpty());
    assertEquals(typesCounted, typesShown);
    shot("search");

    // Open the reference from a hit.
    browser.findElements(By.cssSelector("#hits a.ref")).stream().filter(a -> a.getText().equals("12-CT/TW")).findFirst()
        .orElseThrow().click();
    wait.until(ExpectedConditions.textToBe(By.id("ref-title"), "12-CT/TW"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline canvas")));
    assertTrue(browser.findElement(By.id("ref-words")).getText().startsWith("Directive of the Central Committee"), browser.findElement(By.id("ref-words")).getText());

    // The bars the chart draws are the API's mentions per month.
    @SuppressWarnings("unchecked")
    Map<String, Object> drawn = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(
        "const o = echarts.getInstanceByDom(document.getElementById('timeline')).getOption();"
            + "const out = {}; o.xAxis[0].data.forEach((m, i) => { if (o.series[0].data[i] > 0) out[m] = o.series[0].data[i]; });"
            + "return out;");
    Map<String, Long> bars = new TreeMap<>(), expected = new TreeMap<>();
    drawn.forEach((m, n) -> bars.put(m, ((Number) n).longValue()));
    api("/api/cite?ref=12-CT/TW").get("profile").get("timeline").properties().forEach(e -> expected.put(e.getKey(), e.getValue().asLong()));
    assertFalse(expected.isEmpty());
    assertEquals(expected, bars);
    assertEquals(2, browser.findElements(By.cssSelector("#mentions .article")).size());
    // The co-citation network has a node for each reference the API says is cited beside it.
    List<String> nodes = new java.util.ArrayList<>();
    for (Object n : (List<?>) ((JavascriptExecutor) browser).executeScript(
        "return echarts.getInstanceByDom(document.getElementById('cocited')).getOption().series[0].data.map(d => d.name);")) nodes.add((String) n);
    List<String> coCited = new java.util.ArrayList<>(List.of("12-CT/TW"));
    api("/api/cite?ref=12-CT/TW").get("profile").get("co_cited").forEach(c -> coCited.add(c.get("label").asText()));
    assertEquals(coCited, nodes);
    assertFalse(browser.findElement(By.id("main")).getText().contains("null"));
    shot("reference");

    // Open a citing article and follow one of its citations.
    browser.findElement(By.cssSelector("#mentions .article-title")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#doc-text .para")));
    List<WebElement> langs = browser.findElements(By.cssSelector("#doc-text .para .lang"));
    assertFalse(langs.isEmpty());
    shot("document");
    WebElement link = browser.findElements(By.cssSelector("#doc-text a.cite-link")).stream()
        .filter(a -> "12-CT/TW".equals(a.getAttribute("title"))).findFirst().orElseThrow();
    link.click();
    wait.until(ExpectedConditions.textToBe(By.id("ref-title"), "12-CT/TW"));
  }

  @Test
  void referencesTableSortsAndFilters() throws Exception {
    browser.get(base + "/#/refs");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#refs-table tbody tr")));
    int all = browser.findElements(By.cssSelector("#refs-table tbody tr")).size();
    assertEquals(api("/api/refs").get("references").size(), all);
    // Most cited first, as the API gives them; a click on the column turns the order round.
    List<Long> byDefault = articles();
    assertEquals(byDefault.stream().sorted(java.util.Comparator.reverseOrder()).toList(), byDefault);
    browser.findElement(By.cssSelector("th[data-key=articles]")).click();
    assertEquals("ascending", browser.findElement(By.cssSelector("th[data-key=articles]")).getAttribute("aria-sort"));
    assertEquals(byDefault.stream().sorted().toList(), articles());
    browser.findElement(By.id("refs-filter")).sendKeys("CT/TW");
    List<String> shown = browser.findElements(By.cssSelector("#refs-table tbody tr td:first-child")).stream().map(WebElement::getText).toList();
    assertFalse(shown.isEmpty());
    assertTrue(shown.size() < all, shown.toString());
    assertTrue(shown.stream().allMatch(r -> r.contains("CT/TW")), shown.toString());
    shot("references");
  }

  /** The articles column of the references table, top to bottom. */
  private static List<Long> articles() {
    return browser.findElements(By.cssSelector("#refs-table tbody tr td:nth-child(2)")).stream().map(td -> Long.parseLong(td.getText())).toList();
  }
}
