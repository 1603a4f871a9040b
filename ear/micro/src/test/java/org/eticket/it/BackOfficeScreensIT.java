package org.eticket.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The back office story of issue 3 through the real screens in headless Chromium, signed in on
 * the real login form: the organizer draws a layout and sets seat types by dragging on the map,
 * allocates blocks to two sellers (one found automatically), is refused a double allocation and an
 * over-quota one; a seller exports its stock, imports it and returns ten seats; the organizer
 * accepts and re-allocates them; the vacant-seat map and sales by seller show the counts.
 * Screenshots of each step are left in target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
class BackOfficeScreensIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Api.platformWar();
    }

    @ArquillianResource
    URL base;

    private static final String SELLER_PASSWORD = "story-seller-secret";

    Browser browser;

    @BeforeEach
    void open() {
        browser = new Browser(Path.of("target"));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void organizerAndSellersWorkThroughTheBackOffice() throws IOException {
        try {
            story();
        } catch (AssertionError | RuntimeException e) {
            browser.screenshot("failure");
            throw e;
        }
    }

    private void story() throws IOException {
        Api api = Api.demo(base, "organizer");
        String venueCode = Api.unique("HALL");
        String eventCode = Api.unique("STORY");
        String plaza = Api.unique("PLAZA");
        String city = Api.unique("CITY");

        // The platform admin registers an organizer on the organizer master.
        login("admin");
        page("app/backoffice/admin/masters.xhtml");
        String organizerCode = Api.unique("ORG");
        type("masters:code", organizerCode);
        type("masters:name", "Story Promotions");
        click("masters:saveOrganizer");
        assertTrue(messages("masters").contains("Organizer " + organizerCode + " registered"), messages("masters"));
        assertTrue(browser.find("#masters\\:tabs").getText().contains("Story Promotions"));

        // 1. The organizer draws a layout: 10 rows x 20 columns, column K an aisle: 190 seats.
        login("organizer");
        page("app/backoffice/organizer/venues.xhtml");
        type("layouts:venueCode", venueCode);
        type("layouts:venueName", "Story Hall");
        click("layouts:registerVenue");
        assertTrue(messages("layouts").contains("Venue " + venueCode + " registered"), messages("layouts"));
        type("layouts:layoutName", "Main floor");
        type("layouts:rows_input", "10");
        type("layouts:columns_input", "20");
        click("layouts:createLayout");
        assertTrue(messages("layouts").contains("10 rows x 20 columns"), messages("layouts"));
        assertEquals("200", text("layoutSeatCount"));
        selectTyped("layoutMap", "K1:K10");
        assertEquals(10L, selectedCount("layoutMap"));
        click("editor:markAisles");
        assertEquals("190", text("layoutSeatCount"));
        browser.screenshot("layout-drawn");

        // A CSV drawing with a bad line imports nothing and names the line.
        type("csvImport:importName", "From CSV");
        type("csvImport:csv", "row,column,type\n1,A,S\n2,B\n3,C,A");
        browser.driver.findElement(By.id("csvImport:importCsv")).click();
        browser.settle();
        String problems = browser.find("ul.csv-problems").getText();
        assertTrue(problems.contains("line 3"), problems);
        browser.screenshot("csv-line-numbered-error");

        // The event on that layout, one performance, seat types and two sellers' quotas (API; not screens of this issue).
        long venueId = api.get("api/v1/venues?q=" + venueCode).json().getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        long layoutId = SecurityIT.array(api.get("api/v1/venues/" + venueId + "/layouts").body()).getJsonObject(0)
                .getJsonNumber("id").longValue();
        Api.Response event = api.post("api/v1/events", "{\"code\":\"" + eventCode + "\",\"name\":\"Story Night\",\"layoutId\":" + layoutId + "}");
        assertEquals(201, event.status(), event.body());
        long eventId = event.id();
        assertEquals(201, api.post("api/v1/events/" + eventId + "/performances",
                "{\"date\":\"2027-05-01\",\"openingTime\":\"18:00:00\",\"startTime\":\"19:00:00\",\"gates\":\"North\"}").status());
        assertEquals(201, api.post("api/v1/events/" + eventId + "/seat-types",
                "{\"code\":\"S\",\"name\":\"S seat\",\"price\":12000,\"currency\":\"JPY\",\"colour\":\"#d62728\"}").status());
        assertEquals(201, api.post("api/v1/events/" + eventId + "/seat-types",
                "{\"code\":\"A\",\"name\":\"A seat\",\"price\":8000,\"currency\":\"JPY\",\"colour\":\"#1f77b4\"}").status());
        // Sellers of its own, so the demo sellers' authorizations stay as the other ITs expect.
        long plazaId = seller(plaza, "Story Plaza");
        long cityId = seller(city, "Story City");
        assertEquals(201, api.post("api/v1/events/" + eventId + "/authorizations",
                "{\"sellerId\":" + plazaId + ",\"quota\":\"40\"}").status());
        assertEquals(201, api.post("api/v1/events/" + eventId + "/authorizations",
                "{\"sellerId\":" + cityId + ",\"quota\":\"30\"}").status());

        // The event master: the second and third performances of the series are only dates.
        page("app/backoffice/organizer/events.xhtml");
        browser.driver.findElement(By.xpath("//tr[td[contains(., '" + eventCode + "')]]//button")).click();
        browser.settle();
        type("events:series", "2027-05-02, 2027-05-03");
        click("events:addSeries");
        assertTrue(messages("events").contains("2 performance(s) added to the series"), messages("events"));
        assertEquals(3, browser.driver.findElements(By.xpath("//*[@id='events:performanceTable']//tbody/tr[td[contains(., '19:00')]]")).size(),
                "each performance of the series starts at 19:00");

        // 2. Seat types by dragging: S on rows 1-3 (a dragged rectangle), A on rows 4-10 (typed range).
        page("app/backoffice/organizer/seats.xhtml");
        choose("seats:event", eventCode);
        choose("seats:assignCode", "S – S seat");
        drag("seatsMap", 1, 1, 3, 20);
        assertEquals(57L, selectedCount("seatsMap"), "3 rows of 19 seats: the aisle is not selected");
        click("seats:assignType");
        assertEquals("57", text("seats-S"));
        choose("seats:assignCode", "A – A seat");
        selectTyped("seatsMap", "A4:T10");
        click("seats:assignType");
        assertEquals("133", text("seats-A"));
        browser.screenshot("seat-types");

        // 3. Allocation: a dragged block and a keyboard-selected block to Story Plaza, 8 consecutive A seats found for Story City.
        page("app/backoffice/organizer/allocation.xhtml");
        choose("alloc:event", eventCode);
        browser.find("#allocMap canvas");
        drag("allocMap", 1, 1, 2, 10);
        assertEquals("A1:J2", selection("alloc"), () -> "dragged A1 to J2; map state " + browser.js(
                "var m = document.getElementById('allocMap').seatMap; var r = m.canvas.getBoundingClientRect();"
                        + " return [m.scale, m.ox, m.oy, r.top, r.height, window.scrollY, window.innerHeight].join(' ')"));
        assertTrue(browser.find("#allocMap .seatmap-count").getText().startsWith("20 seats selected"));
        choose("alloc:seller", plaza);
        click("alloc:allocateSelected");
        assertTrue(messages("alloc").contains("20 seat(s) allocated to Story Plaza"), messages("alloc"));

        WebElement canvas = browser.find("#allocMap canvas");
        browser.js("arguments[0].focus()", canvas);
        Actions keys = new Actions(browser.driver);
        for (int i = 0; i < 11; i++) {
            keys.sendKeys(Keys.ARROW_RIGHT);
        }
        keys.sendKeys(Keys.SPACE).keyDown(Keys.SHIFT);
        for (int i = 0; i < 4; i++) {
            keys.sendKeys(Keys.ARROW_RIGHT);
        }
        keys.keyUp(Keys.SHIFT).perform();
        assertEquals("L1:P1", selection("alloc"));
        assertTrue(browser.find("#allocMap .seatmap-focus").getText().contains("P1"), "the focus is announced in words");
        browser.screenshot("keyboard-selection");
        choose("alloc:seller", plaza);
        click("alloc:allocateSelected");
        assertTrue(messages("alloc").contains("5 seat(s) allocated to Story Plaza"), messages("alloc"));

        type("alloc:autoCount_input", "8");
        choose("alloc:autoType", "A – A seat");
        choose("alloc:seller", city);
        click("alloc:allocateConsecutive");
        assertTrue(messages("alloc").contains("8 consecutive seat(s) of type A allocated to Story City"), messages("alloc"));
        assertEquals("15", text("remaining-" + plaza));
        assertEquals("22", text("remaining-" + city));

        // Refused: a seat allocated twice, and more seats than Story City's quota leaves.
        selectTyped("allocMap", "A1:B1");
        choose("alloc:seller", city);
        click("alloc:allocateSelected");
        assertTrue(errors("alloc").contains("already allocated to Story Plaza"), "a double allocation is refused: " + messages("alloc"));
        // The free S seats (27; the auto block took A seats) are more than the 22 Story City may still take.
        selectTyped("allocMap", "A3:T3, Q1:T2");
        assertEquals(27L, selectedCount("allocMap"));
        click("alloc:allocateSelected");
        assertTrue(errors("alloc").contains("may take 22 more seats"), "over quota is refused: " + messages("alloc"));
        assertEquals("15", text("remaining-" + plaza), "refusals changed nothing");
        assertEquals("22", text("remaining-" + city), "refusals changed nothing");
        browser.screenshot("allocation-refused-over-quota");
        browser.js("var s = document.querySelector('#allocMap select'); s.value = 'seller'; s.dispatchEvent(new Event('change'));");
        browser.screenshot("allocation-by-seller");
        String pdfLink = browser.find("#alloc\\:allocations a[href*='/pdf/allocation/']").getAttribute("href");
        assertEquals("200 application/pdf", fetch(pdfLink), "the allocation prints as a PDF");

        // 4. The seller exports its stock, imports it into its event master, and returns ten seats.
        login(plaza.toLowerCase(), SELLER_PASSWORD);
        page("app/backoffice/seller/stock.xhtml");
        choose("stock:performance", eventCode);
        browser.driver.findElement(By.id("stock:show")).click();
        browser.settle();
        browser.find("#stock\\:exportCsv").click();
        Path csv = downloaded(".csv");
        String exported = Files.readString(csv);
        assertEquals(25, exported.lines().filter(l -> l.contains(eventCode)).count(), exported);
        browser.find("#stock\\:exportJson").click();
        assertTrue(Files.readString(downloaded(".json")).contains(eventCode));
        browser.driver.findElement(By.cssSelector("form#stock input[type=file]")).sendKeys(csv.toAbsolutePath().toString());
        browser.driver.findElement(By.id("stock:importFile")).click();
        browser.settle();
        assertTrue(messages("stock").contains("Imported 25 seat(s)"), messages("stock"));
        assertTrue(text("reportSummary").contains("Complete"), text("reportSummary"));
        browser.screenshot("seller-stock-imported");

        page("app/backoffice/seller/returns.xhtml");
        choose("returns:performance", eventCode);
        selectTyped("returnMap", "A1:J1");
        assertEquals(10L, selectedCount("returnMap"));
        type("returns:reason", "group cancelled");
        click("returns:requestReturn");
        assertTrue(messages("returns").contains("Return of 10 seat(s) requested"), messages("returns"));
        browser.screenshot("seller-return-requested");

        // 5. The organizer accepts the return and re-allocates the ten seats to Story City.
        login("organizer");
        page("app/backoffice/organizer/returns.xhtml");
        choose("returns:event", eventCode);
        browser.find("#returns\\:requests button.accept").click();
        browser.settle();
        assertTrue(messages("returns").contains("accepted"), messages("returns"));
        assertEquals(10L, selectedCount("orgReturnMap"), "the accepted seats are selected for re-allocation");
        choose("returns:seller", city);
        click("returns:reallocate");
        assertTrue(messages("returns").contains("10 seat(s) re-allocated to Story City"), messages("returns"));
        browser.screenshot("return-reallocated");

        // 6. Vacant-seat map and sales by seller: Story Plaza 25 - 10 = 15, Story City 8 + 10 = 18, 190 - 33 free.
        page("app/backoffice/organizer/sales.xhtml");
        choose("sales:event", eventCode);
        browser.find("#salesMap canvas");
        assertEquals("157", text("count-FREE"));
        assertEquals("33", text("count-ALLOCATED"));
        assertEquals("0", text("count-SOLD"));
        assertEquals("15", text("seller-allocated-" + plaza));
        assertEquals("18", text("seller-allocated-" + city));
        assertTrue(browser.find("#salesMap .seatmap-legend").getText().contains("free (with the organizer) (157)"),
                browser.find("#salesMap .seatmap-legend").getText());
        browser.screenshot("sales-status");
        String salesPdf = browser.find("a[href*='/pdf/sales/sellers']").getAttribute("href");
        assertEquals("200 application/pdf", fetch(salesPdf));
    }

    // ---- steps ----

    private void login(String username) {
        login(username, "demo-" + username);
    }

    private void login(String username, String password) {
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(base + "login.xhtml");
        type("login:username", username);
        type("login:password", password);
        browser.driver.findElement(By.id("login:signIn")).click();
        browser.waiting().until(d -> d.getCurrentUrl().contains("/app/"));
        browser.settle();
    }

    private void page(String path) {
        browser.driver.get(base + path);
        browser.settle();
        assertFalse(browser.driver.getCurrentUrl().contains("login.xhtml"), "signed in for " + path);
    }

    private void type(String id, String text) {
        WebElement e = browser.find("#" + id.replace(":", "\\:"));
        e.clear();
        e.sendKeys(text);
    }

    private void click(String id) {
        browser.find("#" + id.replace(":", "\\:")).click();
        browser.settle();
    }

    private String text(String id) {
        return browser.find("#" + id.replace(":", "\\:")).getText().strip();
    }

    private String messages(String form) {
        List<WebElement> m = browser.driver.findElements(By.id(form + ":messages"));
        return m.isEmpty() ? "" : m.get(0).getText();
    }

    private String errors(String form) {
        return browser.driver.findElements(By.cssSelector("#" + form + "\\:messages .ui-messages-error")).stream()
                .map(WebElement::getText).reduce("", String::concat);
    }

    /**
     * Picks the item of a PrimeFaces select menu whose label contains {@code label}: opens the menu
     * with a click, then selects through the widget (a click on an item of a panel still being
     * positioned can land on its neighbour), and checks the menu shows the choice.
     */
    private void choose(String menuId, String label) {
        String css = "#" + menuId.replace(":", "\\:");
        browser.find(css).click();
        browser.find(css + "_panel li.ui-selectonemenu-item");
        String value = (String) browser.js("var select = document.getElementById(arguments[0] + '_input'); var label = arguments[1];"
                + " for (var i = 0; i < select.options.length; i++) { if (select.options[i].text.indexOf(label) >= 0) return select.options[i].value; }"
                + " return null;", menuId, label);
        assertTrue(value != null, "menu " + menuId + " offers " + label);
        browser.js("var id = arguments[0], w = null; for (var k in PrimeFaces.widgets) {"
                + " if (PrimeFaces.widgets[k] && PrimeFaces.widgets[k].id === id) { w = PrimeFaces.widgets[k]; } }"
                + " var before = w.getSelectedValue(); w.selectValue(arguments[1]); w.hide();"
                + " if (before !== arguments[1]) { if (w.triggerChange) { w.triggerChange(); } else { w.input.trigger('change'); } }",
                menuId, value);
        browser.settle();
        browser.waiting().until(d -> d.findElement(By.id(menuId + "_label")).getText().contains(label));
    }

    /** Clears the map's selection, then selects typed ranges. */
    private void selectTyped(String mapId, String ranges) {
        browser.find("#" + mapId + " .seatmap-clear").click();
        WebElement input = browser.find("#" + mapId + " .seatmap-range");
        input.clear();
        input.sendKeys(ranges);
        browser.find("#" + mapId + " .seatmap-select-range").click();
    }

    /** A real mouse drag from one seat's centre to another's (1-based rows and columns). */
    private void drag(String mapId, int fromRow, int fromColumn, int toRow, int toColumn) {
        WebElement canvas = browser.find("#" + mapId + " canvas");
        // WebDriver measures offsets from the centre of the element's visible part: show all of it.
        browser.js("arguments[0].scrollIntoView({block: 'center'})", canvas);
        int[] from = point(mapId, canvas, fromRow, fromColumn);
        int[] to = point(mapId, canvas, toRow, toColumn);
        new Actions(browser.driver).moveToElement(canvas, from[0], from[1]).clickAndHold()
                .moveToElement(canvas, (from[0] + to[0]) / 2, (from[1] + to[1]) / 2)
                .moveToElement(canvas, to[0], to[1]).release().perform();
    }

    /** A seat's centre as an offset from the canvas centre (how WebDriver's actions address an element). */
    private int[] point(String mapId, WebElement canvas, int row, int column) {
        @SuppressWarnings("unchecked")
        Map<String, Number> p = (Map<String, Number>) browser.js(
                "var m = document.getElementById(arguments[0]).seatMap; var c = m.cellCentre(arguments[1], arguments[2]);"
                        + " var r = m.canvas.getBoundingClientRect(); return {x: c.x - r.width / 2, y: c.y - r.height / 2};",
                mapId, row, column);
        return new int[] {(int) Math.round(p.get("x").doubleValue()), (int) Math.round(p.get("y").doubleValue())};
    }

    private long selectedCount(String mapId) {
        return ((Number) browser.js("return document.getElementById(arguments[0]).seatMap.selectedCount", mapId)).longValue();
    }

    private String selection(String form) {
        return browser.driver.findElement(By.id(form + ":selection")).getAttribute("value");
    }

    /** Status and content type of a GET in the signed-in browser. */
    private String fetch(String url) {
        return (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(function (r) {"
                        + " done(r.status + ' ' + (r.headers.get('content-type') || '').split(';')[0]); })"
                        + ".catch(function (e) { done('failed ' + e); });", url);
    }

    /** Waits (bounded) for a finished download with the given extension, and returns the newest. */
    private Path downloaded(String extension) {
        return browser.waiting().until(d -> {
            try (Stream<Path> files = Files.list(browser.downloads)) {
                return files.filter(f -> f.toString().endsWith(extension))
                        .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified())).orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }

    /** Registers a seller (platform admin) and its login; returns the seller's id. */
    private long seller(String code, String name) {
        Api admin = Api.demo(base, "admin");
        Api.Response seller = admin.post("api/v1/sellers", "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"kind\":\"AGENT\"}");
        assertEquals(201, seller.status(), seller.body());
        Api.Response account = admin.post("api/v1/accounts", "{\"username\":\"" + code.toLowerCase() + "\",\"password\":\""
                + SELLER_PASSWORD + "\",\"role\":\"seller\",\"partyId\":" + seller.id() + "}");
        assertEquals(201, account.status(), account.body());
        return seller.id();
    }
}
