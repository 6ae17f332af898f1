package io.portage.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.portage.stack.PortageHome;

/**
 * The operations console in a real headless Chromium (Debian's /usr/bin/chromium and /usr/bin/chromedriver; Selenium
 * never downloads a browser): ops.alice, finance.fiona and warehouse.walt sign in at Keycloak (authorization code with
 * PKCE) and see what their roles own; an exception is resolved with a comment in the person's name; a dead letter is
 * dry-run, replayed in bulk (still failing, shown with its progress), then replayed with a corrected payload. Items and
 * letters come from real calls and events: an ETA through the gateway puts an appointment at risk (warehouse), a
 * damaged return cannot be refunded (finance), a release without lines cannot be planned (a dead letter). Each role
 * sees the backlogs it owns (the warehouse none of finance's), the warehouse the yard board on a tablet-sized screen
 * with a truck from a real gate scan, and an operator finds a shipment's timeline by its order number and a trailer's
 * visit. The main pages are written to docs/console/ as screenshots.
 */
class ConsoleIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SITE = "CON1";

    static RunningSuite suite;
    static Path screenshots;
    static String appointment;
    static String returnId;
    static String orderId;
    static String trailer;
    static String shippedOrder;

    @BeforeAll
    static void start() throws Exception {
        // Fail, never skip: CI installs them (.ci/run), and so must anyone running this test.
        assertThat(Files.isExecutable(CHROMIUM)).as("%s (apt-get install chromium)", CHROMIUM).isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER)).as("%s (apt-get install chromium-driver)", CHROMEDRIVER).isTrue();
        suite = RunningSuite.get();
        screenshots = PortageHome.locate().checkout().resolve("docs/console");
        Files.createDirectories(screenshots);
        appointment = appointmentAtRisk();
        returnId = damagedReturn();
        orderId = poisonRelease();
        trailer = truckOnSite();
        shippedOrder = releasedOrder();
    }

    // ---- what the people see and do ------------------------------------------------------------------------------

    @Test
    void warehouseSeesItsYardItemsOnlyAndResolvesOneWithAComment() {
        WebDriver browser = signIn("warehouse.walt", "walt-dev-password", "/exceptions");
        try {
            String row = awaitRowWith(browser, appointment);
            assertThat(row).contains("yard.appointment-at-risk", "warehouse");
            assertThat(browser.getPageSource()).doesNotContain(returnId).doesNotContain("finance.refund-not-refundable");
            assertThat(browser.findElements(By.linkText("Dead letters"))).isEmpty();

            browser.findElement(By.xpath("//tbody/tr[contains(., '" + appointment + "')]//a")).click();
            waitFor(browser, By.id("item-status"));
            assertThat(browser.findElement(By.tagName("pre")).getText()).contains("\"minutesLate\" : 55");
            // A comment is required: refused in place, the item stays open.
            browser.findElement(By.id("resolve")).click();
            await(browser, "A comment is required");
            assertThat(browser.findElement(By.id("item-status")).getText()).isEqualTo("OPEN");
            screenshot(browser, "exception-detail");

            browser.findElement(By.id("comment")).sendKeys("Called Swift: the truck comes at 09:00, door moved to D172");
            browser.findElement(By.id("resolve")).click();
            await(browser, "Item resolved");
            assertThat(browser.findElement(By.id("item-status")).getText()).isEqualTo("RESOLVED");
            assertThat(browser.findElement(By.id("history")).getText()).contains("warehouse.walt", "exception.resolve",
                    "door moved to D172");

            // Dead letters are for operators: a readable refusal, not a stack trace.
            browser.get(suite.console.baseUrl() + "/dead-letters");
            assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Not for your role");
        } finally {
            browser.quit();
        }
        // The service audited it in Walt's name, read through the gateway with an operator's token.
        given().baseUri(suite.gateway.baseUrl())
                .auth()
                .oauth2(suite.token("portage-ops", "portage-ops-dev-secret"))
                .queryParam("type", "yard.appointment-at-risk")
                .queryParam("status", "RESOLVED")
                .when()
                .get("/api/v1/ops/yard-service/exceptions")
                .then()
                .statusCode(200)
                .body("find { it.businessKey == '" + appointment + "' }.resolvedBy",
                        org.hamcrest.Matchers.equalTo("warehouse.walt"));
    }

    @Test
    void financeSeesFinanceItemsOnlyAndNoDeadLetters() {
        WebDriver browser = signIn("finance.fiona", "fiona-dev-password", "/exceptions");
        try {
            assertThat(awaitRowWith(browser, "finance.refund-not-refundable")).contains("finance");
            assertThat(browser.getPageSource()).doesNotContain("yard.appointment-at-risk");
            assertThat(browser.findElements(By.linkText("Dead letters"))).isEmpty();
            screenshot(browser, "exceptions-finance");
            // Asking for another role's items by filter is refused by the services, shown as such.
            browser.get(suite.console.baseUrl() + "/exceptions?owner=warehouse");
            assertThat(browser.findElement(By.id("rows")).getText()).contains("Forbidden (403)");
            browser.get(suite.console.baseUrl() + "/dead-letters");
            assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Not for your role");
        } finally {
            browser.quit();
        }
    }

    @Test
    void anOperatorSeesEveryItemDryRunsThenReplaysADeadLetter() {
        WebDriver browser = signIn("ops.alice", "alice-dev-password", "/exceptions");
        try {
            awaitRowWith(browser, "finance.refund-not-refundable");
            // Alice sees every role's items (the warehouse's too, open or already resolved by Walt).
            new Select(browser.findElement(By.id("f-status"))).selectByValue("ANY");
            await(browser, "yard.appointment-at-risk");
            screenshot(browser, "exceptions");

            browser.findElement(By.linkText("Dead letters")).click();
            waitFor(browser, By.id("f-key"));
            browser.findElement(By.id("f-key")).sendKeys(orderId);
            new Select(browser.findElement(By.id("f-service"))).selectByValue("shipment-service");
            await(browser, "1 letter");
            screenshot(browser, "dead-letters");

            browser.findElement(By.id("dry-run")).click();
            await(browser, "Nothing has been replayed yet");
            assertThat(browser.findElement(By.id("would-replay")).getText()).startsWith("1 open letter would be replayed");
            assertThat(browser.findElement(By.id("preview")).getText()).contains("shipment-service / ");
            screenshot(browser, "dead-letters-dry-run");

            // Replayed as it is, the release still has no lines: the progress says so, the letter stays open.
            browser.findElement(By.id("replay-all")).click();
            await(browser, "Replay finished");
            assertThat(browser.findElement(By.id("replay-outcome")).getText()).isEqualTo("0 replayed, 1 still failing.");
            screenshot(browser, "dead-letters-replay");

            browser.findElement(By.cssSelector("#rows tbody a")).click();
            waitFor(browser, By.id("payload"));
            assertThat(browser.findElement(By.id("letter-status")).getText()).isEqualTo("OPEN");
            browser.findElement(By.id("payload")).sendKeys("{ not json");
            browser.findElement(By.id("replay")).click();
            await(browser, "The corrected payload is not JSON");
            WebElement payload = browser.findElement(By.id("payload"));
            payload.clear();
            payload.sendKeys(OperationsEvents.released(orderId,
                    "[{\"lineNumber\":1,\"sku\":\"PT-LAMP-01\",\"channelSku\":\"NW-LAMP\",\"quantity\":3}]"));
            browser.findElement(By.id("replay")).click();
            await(browser, "Replayed");
            assertThat(browser.findElement(By.id("letter-status")).getText()).isEqualTo("REPLAYED");
            assertThat(browser.findElement(By.id("panel")).getText()).contains("by ops.alice");
            screenshot(browser, "dead-letter-detail");
        } finally {
            browser.quit();
        }
    }

    @Test
    void anOperatorSeesTheEdgeRejectionsAndThePartnersReliability() {
        // A scanner's pick of no quantity, forwarded by warehouse WH1's edge agent client: rejected and kept by the gateway.
        String key = UUID.randomUUID().toString();
        given().baseUri(suite.gateway.baseUrl())
                .auth()
                .oauth2(suite.token("edge-wh1", "edge-wh1-dev-secret"))
                .contentType("application/json")
                .body(Map.of("events", List.of(Map.of("id", UUID.randomUUID().toString(), "type", "scan.pick.confirmed",
                        "key", key, "occurredAt", "2026-11-23T08:00:00Z",
                        "payload", Map.of("sku", "PT-LAMP-01", "quantity", 0, "location", "A-01-03")))))
                .when()
                .post("/api/v1/edge/events")
                .then()
                .statusCode(200)
                .body("results[0].status", org.hamcrest.Matchers.equalTo("rejected"));

        WebDriver browser = signIn("ops.alice", "alice-dev-password", "/dead-letters");
        try {
            waitFor(browser, By.id("f-key"));
            browser.findElement(By.id("f-key")).sendKeys(key);
            new Select(browser.findElement(By.id("f-service"))).selectByValue("gateway");
            await(browser, "1 letter");
            assertThat(browser.findElement(By.id("rows")).getText()).contains("edge-intake");

            // The edge client's call is partner traffic: on the reliability page once the gateway has flushed it.
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(5))
                    .untilAsserted(() -> {
                        browser.get(suite.console.baseUrl() + "/partner-reliability");
                        waitFor(browser, By.id("routes"));
                        assertThat(browser.findElement(By.id("routes")).getText()).contains("wh1");
                    });
            assertThat(browser.findElements(By.cssSelector("svg[role=img] title"))).hasSizeGreaterThanOrEqualTo(2);
            screenshot(browser, "partner-reliability");
        } finally {
            browser.quit();
        }
        // Not for the warehouse.
        WebDriver walt = signIn("warehouse.walt", "walt-dev-password", "/yard");
        try {
            walt.get(suite.console.baseUrl() + "/partner-reliability");
            assertThat(walt.findElement(By.tagName("h1")).getText()).contains("Not for your role");
        } finally {
            walt.quit();
        }
    }

    @Test
    void eachRoleSeesTheBacklogsItOwnsAndTheWarehouseNoneOfFinances() {
        WebDriver walt = signIn("warehouse.walt", "walt-dev-password", "/backlogs");
        try {
            waitFor(walt, By.id("backlog-yard-service-appointments-at-risk"));
            assertThat(walt.findElement(By.id("backlog-yard-service-appointments-at-risk")).getText())
                    .contains("Appointments at risk", "warehouse");
            assertThat(walt.findElements(By.id("backlog-order-service-orders-awaiting-shipment"))).hasSize(1);
            assertThat(walt.getPageSource()).doesNotContain("returns-pending-refund")
                    .doesNotContain("deliveries-pending-invoicing")
                    .doesNotContain("carrier-charges-unreconciled")
                    .doesNotContain("orders-held");
            // Asking for finance's backlog by its address is refused by finance-service, shown as such.
            walt.get(suite.console.baseUrl() + "/backlogs/finance-service/returns-pending-refund");
            assertThat(walt.findElement(By.tagName("main")).getText()).contains("Forbidden (403)");
            walt.get(suite.console.baseUrl() + "/backlogs/yard-service/appointments-at-risk");
            await(walt, "Appointments at risk");
            assertThat(walt.findElement(By.id("items")).getText()).contains("ASN-CON-", "CON1 door");
            assertThat(walt.findElements(By.linkText("Search"))).isEmpty();
        } finally {
            walt.quit();
        }
        WebDriver fiona = signIn("finance.fiona", "fiona-dev-password", "/backlogs");
        try {
            waitFor(fiona, By.id("backlog-finance-service-returns-pending-refund"));
            assertThat(fiona.findElement(By.id("backlog-finance-service-returns-pending-refund")).getText())
                    .contains("Received returns without a credit note");
            assertThat(fiona.getPageSource()).doesNotContain("appointments-at-risk");
        } finally {
            fiona.quit();
        }
        WebDriver alice = signIn("ops.alice", "alice-dev-password", "/backlogs");
        try {
            waitFor(alice, By.id("backlog-finance-service-returns-pending-refund"));
            waitFor(alice, By.id("backlog-yard-service-appointments-at-risk"));
            waitFor(alice, By.id("backlog-order-service-orders-held"));
            screenshot(alice, "backlogs");
        } finally {
            alice.quit();
        }
    }

    @Test
    void theWarehouseWatchesTheYardBoardOnATablet() {
        WebDriver walt = signIn("warehouse.walt", "walt-dev-password", "/yard");
        try {
            walt.manage().window().setSize(new Dimension(820, 1180));
            String trucks = awaitText(walt, By.id("trucks-" + SITE), trailer);
            assertThat(trucks).contains(trailer, "Swift Freight", "unplanned", "C2-1");
            assertThat(walt.findElement(By.id("site-" + SITE)).getText()).isEqualTo(SITE);
            screenshot(walt, "yard-board");
        } finally {
            walt.quit();
        }
        WebDriver fiona = signIn("finance.fiona", "fiona-dev-password", "/");
        try {
            assertThat(fiona.findElements(By.linkText("Yard"))).isEmpty();
            fiona.get(suite.console.baseUrl() + "/yard");
            assertThat(fiona.findElement(By.tagName("h1")).getText()).contains("Not for your role");
        } finally {
            fiona.quit();
        }
    }

    @Test
    void anOperatorFindsAShipmentsTimelineByOrderNumberAndATrailersVisit() {
        WebDriver alice = signIn("ops.alice", "alice-dev-password", "/search");
        try {
            String number = "NW-" + shippedOrder;
            // The shipment is planned from the release a moment after the test starts.
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        alice.get(suite.console.baseUrl() + "/search?q=" + number);
                        assertThat(alice.findElement(By.id("results")).getText()).contains("1 shipment found");
                    });
            assertThat(alice.findElement(By.id("results")).getText()).contains("order number " + number, "CREATED",
                    shippedOrder);
            screenshot(alice, "search");

            WebElement box = alice.findElement(By.id("q"));
            box.clear();
            box.sendKeys(trailer);
            alice.findElement(By.cssSelector("form.search button")).click();
            await(alice, "Trailer " + trailer);
            assertThat(alice.findElement(By.id("results")).getText()).contains("at " + SITE, "unplanned");
        } finally {
            alice.quit();
        }
    }

    @Test
    void aStrangerIsSentToSignIn() {
        WebDriver browser = browser();
        try {
            browser.get(suite.console.baseUrl() + "/dead-letters");
            waitFor(browser, By.id("username"));
            assertThat(browser.getCurrentUrl()).contains("/realms/portage/protocol/openid-connect/auth",
                    "client_id=portage-console", "code_challenge_method=S256");
            screenshot(browser, "sign-in");
        } finally {
            browser.quit();
        }
    }

    // ---- the browser -----------------------------------------------------------------------------------------------

    /** A fresh Chromium (its own chromedriver, which quitting the browser stops), laptop-sized. */
    private static WebDriver browser() {
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000");
        WebDriver browser = new ChromeDriver(driver, options);
        browser.manage().window().setSize(new Dimension(1280, 1000));
        return browser;
    }

    /** Signs {@code user} in at Keycloak on the way to {@code page}; answers the browser on that page. */
    private static WebDriver signIn(String user, String password, String page) {
        WebDriver browser = browser();
        browser.get(suite.console.baseUrl() + page);
        waitFor(browser, By.id("username"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(By.id("signed-in"), user));
        assertThat(browser.getCurrentUrl()).startsWith(suite.console.baseUrl() + page);
        return browser;
    }

    private static void waitFor(WebDriver browser, By element) {
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(element));
    }

    private static void await(WebDriver browser, String text) {
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                text));
    }

    /** The text of {@code element} once it holds {@code text}, reloading until it does. */
    private static String awaitText(WebDriver browser, By element, String text) {
        return org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    List<WebElement> found = browser.findElements(element);
                    if (found.isEmpty() || !found.get(0).getText().contains(text)) {
                        browser.navigate().refresh();
                        return null;
                    }
                    return found.get(0).getText();
                }, shown -> shown != null);
    }

    /** The text of the workbench row holding {@code text}, reloading until the item has arrived. */
    private static String awaitRowWith(WebDriver browser, String text) {
        return org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    List<WebElement> rows = browser.findElements(By.xpath("//tbody/tr[contains(., '" + text + "')]"));
                    if (rows.isEmpty()) {
                        browser.navigate().refresh();
                        return null;
                    }
                    return rows.get(0).getText();
                }, row -> row != null);
    }

    /** The page from its top, as {@code docs/console/<name>.png}. */
    private static void screenshot(WebDriver browser, String name) {
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        byte[] shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        try {
            Files.write(screenshots.resolve(name + ".png"), shot);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the screenshot " + name, e);
        }
    }

    // ---- what puts items and letters there -------------------------------------------------------------------------

    /** A carrier's estimate through the gateway puts its appointment 55 minutes late: yard raises it for warehouse. */
    private static String appointmentAtRisk() {
        List<Map<String, Object>> docks = new ArrayList<>(IntStream.rangeClosed(1, 3)
                .mapToObj(i -> Map.<String, Object>of("code", "C" + i, "doors", List.of(Map.of("code", "C" + i + "-1",
                        "loadTypes", List.of()))))
                .toList());
        List<Map<String, Object>> days = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            days.add(Map.of("day", day, "opens", "05:00", "closes", "22:00"));
        }
        Map<String, Object> site = new HashMap<>(Map.of("timeZone", "UTC", "slotMinutes", 15, "docks", docks,
                "openingHours", days));
        String ops = suite.token("portage-ops", "portage-ops-dev-secret");
        given().baseUri(suite.yard.baseUrl())
                .auth()
                .oauth2(ops)
                .contentType("application/json")
                .body(site)
                .when()
                .put("/ops/yard/sites/" + SITE)
                .then()
                .statusCode(200);

        String swift = suite.token("swift-carrier", "swift-dev-secret");
        String day = "2030-11-" + (10 + (int) (Math.random() * 18));
        String slot = day + "T08:00:00Z";
        String id = given().baseUri(suite.gateway.baseUrl())
                .auth()
                .oauth2(swift)
                .contentType("application/json")
                .body(Map.of("site", SITE, "dock", "C" + (1 + (int) (Math.random() * 3)), "direction", "INBOUND",
                        "carrier", "Swift Freight", "reference", "ASN-CON-" + UUID.randomUUID().toString().substring(0, 8),
                        "slotStart", slot, "slotEnd", day + "T09:00:00Z"))
                .when()
                .post("/api/v1/appointments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Instant reported = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
        given().baseUri(suite.gateway.baseUrl())
                .auth()
                .oauth2(swift)
                .contentType("application/json")
                .body(Map.of("source", "TELEMATICS", "estimatedArrival", Instant.parse(slot).plusSeconds(3300).toString(),
                        "reportedAt", reported.toString()))
                .when()
                .post("/api/v1/appointments/" + id + "/eta")
                .then()
                .statusCode(200);
        return id;
    }

    /** A return inspected as damaged cannot be refunded: finance-service raises it for finance. */
    private static String damagedReturn() throws Exception {
        String shipment = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        String data = """
                {"shipmentId":"%s","returnId":"%s","site":"WH1",
                 "lines":[{"sku":"PT-LAMP-01","quantity":1,"condition":"DAMAGED"}],"receivedAt":"2026-12-01T10:00:00Z"}
                """.formatted(shipment, id);
        OperationsEvents.send("portage.shipments", shipment, "io.portage.shipment.return-received.v1", 1, data);
        return id;
    }

    /** An unplanned truck at the gate 80 minutes ago, put at door C2-1: on the yard board; its trailer number. */
    private static String truckOnSite() throws Exception {
        String visit = "V-CON-" + UUID.randomUUID().toString().substring(0, 8);
        String number = "CON " + visit.substring(6).toUpperCase();
        Instant arrived = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(80, ChronoUnit.MINUTES);
        OperationsEvents.send("portage.warehouse", visit, "io.portage.warehouse.yard-scan-recorded.v1", 1, """
                {"visitId":"%s","site":"%s","movement":"GATE_IN","carrier":"Swift Freight","trailerNumber":"%s",\
                "occurredAt":"%s"}""".formatted(visit, SITE, number, arrived));
        OperationsEvents.send("portage.warehouse", visit, "io.portage.warehouse.yard-scan-recorded.v1", 2, """
                {"visitId":"%s","site":"%s","movement":"DOOR_ASSIGNED","door":"C2-1","occurredAt":"%s"}"""
                .formatted(visit, SITE, arrived.plusSeconds(240)));
        return number;
    }

    /** An order released with its lines: shipment-service plans its shipment; the order's id. */
    private static String releasedOrder() throws Exception {
        String order = UUID.randomUUID().toString();
        OperationsEvents.orderUpToRelease(order, OperationsEvents.released(order,
                "[{\"lineNumber\":1,\"sku\":\"PT-LAMP-01\",\"channelSku\":\"NW-LAMP\",\"quantity\":3}]"));
        return order;
    }

    /** A release without lines cannot be planned: shipment-service dead-letters it. */
    private static String poisonRelease() throws Exception {
        String order = UUID.randomUUID().toString();
        OperationsEvents.orderUpToRelease(order, OperationsEvents.released(order, "[]"));
        return order;
    }

    /** The events this test sends, as the services publish them (CloudEvents in binary mode). */
    static final class OperationsEvents {

        private static final String SHIP_TO = """
                {"name":"Grace Hopper","email":"grace@example.com",
                 "address":{"street":"1 Kai","city":"Hamburg","postalCode":"20457","country":"DE"}}""";

        static String released(String orderId, String lines) {
            return """
                    {"orderId":"%s","channel":"northwind-shop","externalId":"NW-%s","partnerId":"northwind",\
                    "warehouse":"WH1","fulfiller":{"type":"WAREHOUSE","id":"WH1"},"shipTo":%s,"lines":%s,\
                    "erp":{"erpRef":"sale.order/42","name":"S00042","pickingIds":[77]},\
                    "shipBy":"2026-11-24T16:00:00Z","releasedAt":"2026-11-23T09:00:00Z"}"""
                    .formatted(orderId, orderId, SHIP_TO.replace("\n", ""), lines);
        }

        static void orderUpToRelease(String orderId, String released) throws Exception {
            send("portage.orders", orderId, "io.portage.order.received.v1", 1, """
                    {"orderId":"%s","channel":"northwind-shop","externalId":"NW-%s","partnerId":"northwind",\
                    "warehouse":"WH1","customer":%s,"lines":[{"sku":"PT-LAMP-01","quantity":3}],\
                    "receivedAt":"2026-11-23T08:15:30Z"}""".formatted(orderId, orderId, SHIP_TO.replace("\n", "")));
            send("portage.orders", orderId, "io.portage.order.accepted.v1", 2,
                    "{\"orderId\":\"" + orderId + "\",\"partnerId\":\"northwind\",\"acceptedAt\":\"2026-11-23T08:16:00Z\"}");
            send("portage.orders", orderId, "io.portage.order.released.v2", 3, released);
        }

        static void send(String topic, String subject, String type, int sequence, String json) throws Exception {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.stack.kafka().bootstrapServers());
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, subject, json);
                Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", type, "ce_source",
                        "urn:portage:it", "ce_subject", subject, "ce_sequence", Integer.toString(sequence),
                        "ce_correlationid", "corr-" + subject, "ce_partnerid", "northwind")
                        .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                producer.send(record).get();
            }
        }
    }
}
