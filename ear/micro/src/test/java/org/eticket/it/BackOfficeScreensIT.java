package org.eticket.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The screens through headless Chromium, signed in on the real login form, in one deployment.
 * The back office story of issue 3: the organizer draws a layout and sets seat types by dragging
 * on the map, allocates blocks to two sellers (one found automatically), is refused a double
 * allocation and an over-quota one; a seller exports its stock, imports it and returns ten seats;
 * the organizer accepts and re-allocates them; the vacant-seat map and sales by seller show the
 * counts. The customer's story of issue 4 on the sales portal (Figs 36, 37): browse, the seat map
 * with availability, seats picked on the map and the best N side by side, the hold and its
 * countdown, refused payments that charge nothing, card / e-money / points, the confirmation,
 * and a seat taken by another buyer meanwhile; the hold running out on the checkout page and the
 * best N side by side asked for when they are not there; the wallet (ledger, points, top-up by
 * card) and membership with a fan club, applied for on the portal and registered in the fan club's
 * back office. Screenshots of each step are left in target/screenshots.
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

    @Test
    void customerBuysOnTheSalesPortal() {
        try {
            portalStory();
        } catch (AssertionError | RuntimeException e) {
            browser.screenshot("portal-failure");
            throw e;
        }
    }

    @Test
    void checkoutHoldRunsOutAndBestSeatsRunOut() {
        try {
            holdExpiryAndSoldOutStory();
        } catch (AssertionError | RuntimeException e) {
            browser.screenshot("hold-expiry-failure");
            throw e;
        }
    }

    /** On a phone the portal is laid out at the phone's width, not as a desktop page shrunk to a third. */
    @Test
    void thePortalFitsAPhonesScreen() {
        browser.close();
        browser = new Browser(Path.of("target"), true);
        browser.driver.get(base + "login.xhtml");
        assertPhoneWidth("the sign-in page");
        type("login:username", "alice");
        type("login:password", "demo-alice");
        browser.driver.findElement(By.id("login:signIn")).click();
        browser.waiting().until(d -> d.getCurrentUrl().contains("/shop/index.xhtml"));
        browser.settle();
        assertPhoneWidth("the performances");
        browser.find("a[href*='performance=']").click();
        browser.settle();
        assertPhoneWidth("a performance's sellers");
        for (String page : List.of("shop/orders.xhtml", "shop/wallet.xhtml", "shop/memberships.xhtml")) {
            browser.driver.get(base + page);
            browser.settle();
            assertPhoneWidth(page);
        }

        // A finger picks seats on the map as the mouse does: a tap takes one, a drag along a row takes those it crosses.
        long aurora = new DemoFixture(base).aurora().get(0).getJsonNumber("id").longValue();
        browser.driver.get(base + "shop/index.xhtml?performance=" + aurora);
        browser.settle();
        browser.driver.findElement(By.partialLinkText("Ticket Plaza")).click();
        browser.settle();
        WebElement canvas = browser.find("#shopMap canvas");
        assertPhoneWidth("a seller's seat map");
        browser.js("arguments[0].scrollIntoView({block: 'center'})", canvas);
        @SuppressWarnings("unchecked")
        List<Number> run = (List<Number>) browser.js("var m = document.getElementById('shopMap').seatMap;"
                + " for (var r = 0; r < m.rows; r++) for (var c = 0; c + 2 < m.columns; c++) { var i = r * m.columns + c;"
                + "  if (!m.isLocked(i) && !m.isLocked(i + 1) && !m.isLocked(i + 2)) return [r + 1, c + 1]; } return null;");
        assertTrue(run != null, "three free seats side by side in Ticket Plaza's stock");
        int row = run.get(0).intValue();
        int column = run.get(1).intValue();
        touch(List.of(viewportPoint("shopMap", row, column + 2)));
        assertEquals(1L, selectedCount("shopMap"), "a tap takes a seat");
        touch(List.of(viewportPoint("shopMap", row, column + 2))); // and a second tap gives it back
        assertEquals(0L, selectedCount("shopMap"));
        touch(List.of(viewportPoint("shopMap", row, column), viewportPoint("shopMap", row, column + 1),
                viewportPoint("shopMap", row, column + 2)));
        assertEquals(3L, selectedCount("shopMap"), "a drag along the row takes the three seats");
        browser.screenshot("portal-on-a-phone");
    }

    /** One finger put down at the first point, moved through the others, and lifted (CSS pixels of the viewport). */
    private void touch(List<int[]> points) {
        org.openqa.selenium.interactions.PointerInput finger = new org.openqa.selenium.interactions.PointerInput(
                org.openqa.selenium.interactions.PointerInput.Kind.TOUCH, "finger");
        org.openqa.selenium.interactions.Sequence gesture = new org.openqa.selenium.interactions.Sequence(finger, 0);
        org.openqa.selenium.interactions.PointerInput.Origin viewport = org.openqa.selenium.interactions.PointerInput.Origin.viewport();
        gesture.addAction(finger.createPointerMove(java.time.Duration.ZERO, viewport, points.get(0)[0], points.get(0)[1]));
        gesture.addAction(finger.createPointerDown(org.openqa.selenium.interactions.PointerInput.MouseButton.LEFT.asArg()));
        for (int[] p : points.subList(1, points.size())) {
            gesture.addAction(finger.createPointerMove(java.time.Duration.ofMillis(100), viewport, p[0], p[1]));
        }
        gesture.addAction(finger.createPointerUp(org.openqa.selenium.interactions.PointerInput.MouseButton.LEFT.asArg()));
        browser.driver.perform(List.of(gesture));
    }

    /** A seat's centre in CSS pixels of the viewport. */
    private int[] viewportPoint(String mapId, int row, int column) {
        return seatCentre(mapId, row, column, "r.left + c.x", "r.top + c.y");
    }

    private void assertPhoneWidth(String what) {
        assertEquals(390L, ((Number) browser.js("return window.innerWidth")).longValue(), what + " is laid out at the phone's width");
        assertTrue(((Number) browser.js("return document.documentElement.scrollWidth")).longValue() <= 390,
                what + " needs no sideways scrolling");
    }

    @Test
    void customerTopsUpTheWalletAndJoinsAFanClub() {
        try {
            walletAndMembershipStory();
        } catch (AssertionError | RuntimeException e) {
            browser.screenshot("wallet-membership-failure");
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
        submit("csvImport:importCsv");
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
        submit("stock:show");
        browser.find("#stock\\:exportCsv").click();
        Path csv = downloaded(".csv");
        String exported = Files.readString(csv);
        assertEquals(25, exported.lines().filter(l -> l.contains(eventCode)).count(), exported);
        browser.find("#stock\\:exportJson").click();
        assertTrue(Files.readString(downloaded(".json")).contains(eventCode));
        browser.driver.findElement(By.cssSelector("form#stock input[type=file]")).sendKeys(csv.toAbsolutePath().toString());
        browser.driver.findElement(By.id("stock:importFile")).click();
        // A multipart post: the old page can still be there when settle() looks; wait for the answer's message.
        browser.waiting().ignoring(StaleElementReferenceException.class)
                .until(d -> messages("stock").contains("Imported") || !errors("stock").isEmpty());
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

        // The back office's own sign-out ends the session: its screens ask for a sign-in again.
        browser.find("#signOut\\:out").click();
        browser.waiting().until(d -> d.getCurrentUrl().contains("login.xhtml"));
        browser.driver.get(base + "app/backoffice/organizer/sales.xhtml");
        browser.waiting().until(d -> d.getCurrentUrl().contains("login.xhtml"));

        // Stores and venues work at their terminals: their home offers their own terminals, not back
        // office screens they may not open (which answered 403).
        for (String party : List.of("store", "venue")) {
            login(party);
            assertTrue(browser.driver.findElements(By.id("backOffice")).isEmpty(), party + " is offered no back office screens");
            assertTrue(text("atTerminals").contains("terminals"), text("atTerminals"));
            browser.find("#ownTerminals").click();
            browser.waiting().until(d -> d.getPageSource().contains("\"items\""));
            assertFalse(browser.driver.getPageSource().contains(party.equals("store") ? "GRAND-HALL" : "CORNER-01"),
                    party + " sees only its own terminals");
        }
    }

    // ---- the customer's story on the sales portal (issue 4) ----

    private static final String APPROVE = "4111111111111111";
    private static final String DECLINE = "4000000000000002";
    private static final String INSUFFICIENT = "4000000000009995";
    private static final String TIMEOUT = "4000000000000119";
    private static final String CUSTOMER_PASSWORD = "story-customer-secret";

    /** What a refused purchase must leave as it was: the buyer's wallet, points and orders, and the center's books. */
    private record Books(long eMoney, long points, long orders, long centerOrders, long captured, long journalSales,
                         long soldTickets) {
    }

    private void portalStory() {
        Api organizer = Api.demo(base, "organizer");
        String suffix = Api.unique("P");
        String eventName = "Harbour Lights " + suffix;
        String venueName = "Harbour Hall " + suffix;
        // 8 rows x 12 columns; S on rows 1-2, A on rows 3-8; the seller has rows 1-6 (72 seats), the organizer keeps 7-8.
        long venue = created(organizer.post("api/v1/venues", "{\"code\":\"" + Api.unique("HV") + "\",\"name\":\"" + venueName + "\"}"));
        long layout = created(organizer.post("api/v1/venues/" + venue + "/layouts",
                "{\"name\":\"Floor\",\"rows\":8,\"columns\":12,\"seatRanges\":\"A1:L8\"}"));
        long event = created(organizer.post("api/v1/events", "{\"code\":\"" + Api.unique("HL") + "\",\"name\":\"" + eventName
                + "\",\"layoutId\":" + layout + "}"));
        long performance = created(organizer.post("api/v1/events/" + event + "/performances",
                "{\"date\":\"2027-06-01\",\"openingTime\":\"18:00:00\",\"startTime\":\"19:00:00\",\"gates\":\"West\"}"));
        created(organizer.post("api/v1/events/" + event + "/seat-types",
                "{\"code\":\"S\",\"name\":\"S seat\",\"price\":12000,\"currency\":\"JPY\",\"colour\":\"#d62728\"}"));
        created(organizer.post("api/v1/events/" + event + "/seat-types",
                "{\"code\":\"A\",\"name\":\"A seat\",\"price\":8000,\"currency\":\"JPY\",\"colour\":\"#1f77b4\"}"));
        assertEquals(200, organizer.put("api/v1/events/" + event + "/seat-types/S/ranges", "{\"ranges\":\"A1:L2\"}").status());
        assertEquals(200, organizer.put("api/v1/events/" + event + "/seat-types/A/ranges", "{\"ranges\":\"A3:L8\"}").status());
        long sellerId = seller(Api.unique("HARB"), "Harbour Tickets");
        Api.Response authorized = organizer.post("api/v1/events/" + event + "/authorizations", "{\"sellerId\":" + sellerId
                + ",\"quota\":\"100\"}");
        assertEquals(201, authorized.status(), authorized.body());
        created(organizer.post("api/v1/allocations", "{\"performanceId\":" + performance + ",\"sellerId\":" + sellerId
                + ",\"ranges\":\"A1:L6\"}"));
        String hana = customer("Hana Sato");
        String ken = customer("Ken Ito");
        Api hanaApi = Api.as(base, hana, CUSTOMER_PASSWORD);
        Api kenApi = Api.as(base, ken, CUSTOMER_PASSWORD);
        String sellerPage = "shop/index.xhtml?performance=" + performance + "&seller=" + sellerId;

        // 1. Hana opens the portal, is asked to sign in, and comes back to the performances on sale (Fig 36).
        customerLogin(hana);
        WebElement row = xpath("//*[@id='performances']//tr[td[contains(., '" + eventName + "')]]");
        assertTrue(row.getText().contains(venueName) && row.getText().contains("Tue 1 Jun 2027")
                && row.getText().contains("18:00 / 19:00"), row.getText());
        browser.screenshot("portal-on-sale");
        row.findElement(By.linkText("Choose seats")).click();
        browser.settle();

        // 2. The performance, its prices and sellers; the seller's seat map with availability.
        assertEquals(eventName, text("performanceTitle"));
        assertTrue(text("prices").contains("S – S seat: 12,000 JPY") && text("prices").contains("A – A seat: 8,000 JPY"),
                text("prices"));
        WebElement sellerItem = xpath("//ul[@id='sellers']/li[contains(., 'Harbour Tickets')]");
        assertTrue(sellerItem.getText().contains("72 seats free"), sellerItem.getText());
        sellerItem.findElement(By.tagName("a")).click();
        browser.settle();
        browser.find("#shopMap canvas");
        assertEquals("72", text("availableCount"));
        colouring("shopMap", "state");
        String legend = browser.find("#shopMap .seatmap-legend").getText();
        assertTrue(legend.contains("available (72)") && legend.contains("not sold by this seller (24)"), legend);
        browser.screenshot("portal-seat-map-availability");
        colouring("shopMap", "type");

        // 3. She picks two seats with the mouse; a seat the seller does not sell cannot be picked.
        clickSeat("shopMap", 3, 3);
        clickSeat("shopMap", 3, 4);
        assertEquals("C3:D3", selection("seats"));
        clickSeat("shopMap", 7, 1);
        assertEquals(2L, selectedCount("shopMap"), "a seat not on sale here cannot be picked");
        String refusedPick = browser.find("#shopMap .seatmap-message").getText();
        assertTrue(refusedPick.contains("A7") && refusedPick.contains("not available"), refusedPick);
        browser.screenshot("portal-seats-picked");
        clickAndWait("seats:holdChosen", "checkout.xhtml");

        // 4. Checkout: the order and its price, and how long the seats stay held (counting down).
        String checkoutPage = browser.driver.getCurrentUrl();
        List<String> picked = List.of("C3 A 8,000 JPY", "D3 A 8,000 JPY");
        assertEquals(picked, lines());
        assertEquals("16,000 JPY", text("total"));
        assertEquals(eventName, text("event"));
        String remaining = text("remaining");
        assertTrue(remaining.matches("9:[0-5][0-9]|10:00"), "held for the configured 10 minutes: " + remaining);
        browser.waiting().until(d -> !d.findElement(By.id("remaining")).getText().equals(remaining));
        browser.screenshot("portal-checkout-held");

        // The held seats are not available to another buyer.
        Api.Response grab = kenApi.post("api/v1/holds", "{\"performanceId\":" + performance + ",\"sellerId\":" + sellerId
                + ",\"seats\":[\"C3\"]}");
        assertEquals(409, grab.status(), grab.body());
        assertTrue(grab.message().contains("being bought by someone else"), grab.body());

        // 5. Refused cards: a clear reason, the seats stay held, and nothing is charged or sold.
        Books before = books(hanaApi);
        long openBefore = openAuthorizations();
        String[][] refusals = {{DECLINE, "declined"}, {INSUFFICIENT, "insufficient funds"}, {TIMEOUT, "did not answer in time"}};
        for (String[] refusal : refusals) {
            payByCard(refusal[0]);
            assertTrue(browser.driver.getCurrentUrl().contains("checkout.xhtml"), browser.driver.getCurrentUrl());
            String m = text("messages");
            assertTrue(m.contains("Payment refused") && m.contains(refusal[1]) && m.contains("Nothing was charged"), m);
            assertEquals(picked, lines(), "the seats stay held after a refused payment");
            browser.screenshot("portal-card-refused-" + refusal[1].replace(' ', '-'));
            assertEquals(before, books(hanaApi), "a refused payment charges nothing and sells nothing");
            // The timed-out authorization is voided by the center.
            browser.waiting().until(d -> openAuthorizations() == openBefore);
        }

        // 6. An approved card: the purchase confirmation (Fig 37) with the order contents.
        payByCard(APPROVE);
        browser.waiting().until(d -> d.getCurrentUrl().contains("confirmation.xhtml"));
        browser.settle();
        String firstNumber = text("orderNumber");
        JsonObject first = order(hanaApi, firstNumber);
        assertEquals(eventName, text("event"));
        assertEquals("Hana Sato", text("buyer"));
        assertEquals(first.getString("contents"), text("contents"));
        assertTrue(text("contents").contains("C3"), text("contents"));
        assertEquals(picked, lines());
        assertEquals("16,000 JPY", text("total"));
        assertTrue(text("paidCard").contains("**** 1111") && text("paidCard").contains("16,000 JPY"), text("paidCard"));
        long earned = first.getJsonNumber("pointsEarned").longValue();
        assertTrue(earned > 0, "points are earned on a purchase");
        assertEquals("Reward points earned: " + earned, text("pointsEarned"));
        assertTrue(text("window").contains("the download page of order " + firstNumber), text("window"));
        browser.screenshot("portal-confirmation-card");
        assertEquals(16000, first.getJsonNumber("cardPaid").longValue());
        assertEquals("1111", first.getString("cardLastFour"));
        Books afterCard = books(hanaApi);
        assertEquals(new Books(before.eMoney(), before.points() + earned, before.orders() + 1, before.centerOrders() + 1,
                before.captured() + 16000, before.journalSales() + 16000, before.soldTickets() + 2), afterCard,
                "the center's books show exactly this order");
        // The download page (Fig 38) from the confirmation: the window is open (no delay set for this event).
        clickAndWait("downloadLink", "download.xhtml");
        String download = browser.find("#ready").getText();
        assertTrue(download.contains("Order " + firstNumber + ": the download window is open") && download.contains("C3 (A)")
                && download.contains("D3 (A)"), download);
        browser.screenshot("portal-download-page");
        // The checkout page of the bought hold (the back button, a second tab) names the order; nothing to buy there.
        browser.driver.get(checkoutPage);
        browser.settle();
        assertTrue(browser.find("#bought").getText().contains("These seats were bought with order " + firstNumber),
                browser.find("#bought").getText());
        assertTrue(browser.driver.findElements(By.id("pay:buy")).isEmpty(), "no buy button for a bought hold");

        // 7. The best three S seats side by side, paid with e-money and 100 reward points as a discount.
        Api.Response topUp = hanaApi.post("api/v1/wallet/top-ups", "{\"amount\":40000,\"cardNumber\":\"" + APPROVE
                + "\",\"expiryMonth\":12,\"expiryYear\":2030,\"cvc\":\"123\",\"cardHolder\":\"HANA SATO\"}");
        assertEquals(200, topUp.status(), topUp.body());
        page(sellerPage);
        choose("best:type", "S – S seat");
        retype("best:quantity_input", "3");
        clickAndWait("best:holdBest", "checkout.xhtml");
        List<String> best = lines();
        assertEquals(3, best.size(), best.toString());
        List<int[]> cells = best.stream().map(BackOfficeScreensIT::cell).toList();
        for (int i = 0; i < cells.size(); i++) {
            assertTrue(best.get(i).endsWith(" S 12,000 JPY"), best.get(i));
            assertEquals(cells.get(0)[0], cells.get(i)[0], "one row: " + best);
            assertEquals(cells.get(0)[1] + i, cells.get(i)[1], "side by side: " + best);
        }
        assertEquals("36,000 JPY", text("total"));
        assertTrue(text("balance").contains("40,000 JPY") && text("balance").contains("points: " + afterCard.points()), text("balance"));
        browser.screenshot("portal-checkout-best-three");
        Books beforeEMoney = books(hanaApi);
        payBy("E-money");
        assertTrue(browser.driver.findElements(By.id("pay:card")).isEmpty(), "no card fields when paying by e-money");
        retype("pay:points_input", "100");
        browser.find("#pay\\:buy").click();
        browser.waiting().until(d -> d.getCurrentUrl().contains("confirmation.xhtml"));
        browser.settle();
        JsonObject second = order(hanaApi, text("orderNumber"));
        assertTrue(text("paidEMoney").contains("35,900 JPY"), text("paidEMoney"));
        assertEquals("Reward points: 100 points", text("paidPoints"));
        assertTrue(browser.driver.findElements(By.id("paidCard")).isEmpty(), "no card was charged");
        browser.screenshot("portal-confirmation-e-money-and-points");
        long earned2 = second.getJsonNumber("pointsEarned").longValue();
        Books afterEMoney = books(hanaApi);
        assertEquals(new Books(beforeEMoney.eMoney() - 35900, beforeEMoney.points() - 100 + earned2, beforeEMoney.orders() + 1,
                beforeEMoney.centerOrders() + 1, beforeEMoney.captured(), beforeEMoney.journalSales() + 36000,
                beforeEMoney.soldTickets() + 3), afterEMoney, "e-money and points paid, no card captured");

        // Not enough points for the whole price, then not enough e-money: refused, nothing taken; she gives the seat back.
        page(sellerPage);
        choose("best:type", "A – A seat");
        retype("best:quantity_input", "1");
        clickAndWait("best:holdBest", "checkout.xhtml");
        assertEquals("8,000 JPY", text("total"));
        payBy("Reward points only");
        submit("pay:buy"); // a full page answer: read its messages only once it has replaced this page
        assertTrue(text("messages").contains("Not enough reward points") && text("messages").contains("Nothing was charged"),
                text("messages"));
        payBy("E-money");
        retype("pay:points_input", "0");
        submit("pay:buy"); // a full page answer: read its messages only once it has replaced this page
        assertTrue(text("messages").contains("Not enough e-money") && text("messages").contains("Nothing was charged"),
                text("messages"));
        browser.screenshot("portal-e-money-refused");
        assertEquals(afterEMoney, books(hanaApi), "refused points and e-money change nothing");
        clickAndWait("pay:release", "index.xhtml");
        assertEquals(String.valueOf(72 - 2 - 3), text("availableCount"), "the given-back seat is free again");

        page("shop/orders.xhtml");
        String orders = browser.find("#orders").getText();
        assertTrue(orders.contains(firstNumber) && orders.contains(second.getString("number")), orders);
        browser.screenshot("portal-my-orders");

        // 8. Ken sees the sold seats; Hana holds E5 while his map still shows it free; his pick is refused clearly.
        customerLogin(ken);
        page(sellerPage);
        assertEquals("67", text("availableCount"));
        assertEquals(2L, stateAt("shopMap", 3, 3), "C3 shows as sold");
        colouring("shopMap", "state");
        assertTrue(browser.find("#shopMap .seatmap-legend").getText().contains("sold (5)"),
                browser.find("#shopMap .seatmap-legend").getText());
        browser.screenshot("portal-seat-map-after-sales");
        Api.Response hanaHold = hanaApi.post("api/v1/holds", "{\"performanceId\":" + performance + ",\"sellerId\":" + sellerId
                + ",\"seats\":[\"E5\"]}");
        assertEquals(201, hanaHold.status(), hanaHold.body());
        Books kenBefore = books(kenApi);
        clickSeat("shopMap", 5, 5);
        assertEquals("E5", selection("seats"));
        submit("seats:holdChosen"); // refused: the page comes back with its message
        String taken = text("messages");
        assertTrue(taken.contains("Seat E5 is being bought by someone else right now; choose another seat"), taken);
        assertEquals(1L, stateAt("shopMap", 5, 5), "the map now shows E5 held");
        assertEquals(0L, selectedCount("shopMap"));
        assertEquals("66", text("availableCount"));
        browser.screenshot("portal-seat-taken-meanwhile");
        assertEquals(kenBefore, books(kenApi), "nothing was charged");
        clickSeat("shopMap", 3, 3);
        assertEquals(0L, selectedCount("shopMap"), "a sold seat cannot be picked");
        assertTrue(browser.find("#shopMap .seatmap-message").getText().contains("not available"));
        assertEquals(204, hanaApi.delete("api/v1/holds/" + hanaHold.json().getString("id")).status());

        // More seats than one order may hold: dragged over a row of 12, refused with the limit, nothing held.
        drag("shopMap", 4, 1, 4, 12);
        assertEquals("A4:L4", selection("seats"));
        submit("seats:holdChosen"); // refused: the page comes back with its message
        assertTrue(text("messages").contains("At most 10 seats in one order; 12 are selected"), text("messages"));
        assertEquals("67", text("availableCount"), "nothing was held");

        // Signing out ends the session: the portal asks for a sign-in again.
        browser.find("#signOut\\:out").click();
        browser.waiting().until(d -> d.getCurrentUrl().contains("login.xhtml"));
        browser.driver.get(base + "shop/orders.xhtml");
        browser.waiting().until(d -> d.getCurrentUrl().contains("login.xhtml"));

        // A customer who signs in on the sign-in page itself lands on the portal, not in the back office.
        browser.driver.get(base + "login.xhtml");
        type("login:username", ken);
        type("login:password", CUSTOMER_PASSWORD);
        browser.driver.findElement(By.id("login:signIn")).click();
        browser.waiting().until(d -> d.getCurrentUrl().contains("/shop/index.xhtml"));
    }

    /**
     * The hold runs out on the checkout page, and the best N side by side asked for when they are not
     * there. The hold is asked for 15 s through the API's per-hold time (shorter than the configured
     * 10 minutes, which the portal story and the other tests of this deployment rely on).
     */
    private void holdExpiryAndSoldOutStory() {
        long sellerId = seller(Api.unique("QUAY"), "Quay Tickets");
        String eventName = "Quay Nights " + Api.unique("Q");
        long performance = smallEvent(eventName, sellerId, 1, 6, "A1:F1");
        String mio = customer("Mio Abe");
        String ren = customer("Ren Mori");
        Api mioApi = Api.as(base, mio, CUSTOMER_PASSWORD);
        Api renApi = Api.as(base, ren, CUSTOMER_PASSWORD);
        String sellerPage = "shop/index.xhtml?performance=" + performance + "&seller=" + sellerId;

        // 1. Mio holds A1 and B1 for 15 seconds and opens the checkout: the countdown runs.
        customerLogin(mio);
        Api.Response held = mioApi.post("api/v1/holds", "{\"performanceId\":" + performance + ",\"sellerId\":" + sellerId
                + ",\"seats\":[\"A1\",\"B1\"],\"holdSeconds\":15}");
        assertEquals(201, held.status(), held.body());
        String holdId = held.json().getString("id");
        page("shop/checkout.xhtml?hold=" + holdId);
        assertEquals(List.of("A1 S 5,000 JPY", "B1 S 5,000 JPY"), lines());
        String remaining = text("remaining");
        assertTrue(remaining.matches("0:(0[1-9]|1[0-5])"), "held for at most 15 s: " + remaining);
        Books before = books(mioApi);
        long openBefore = openAuthorizations();
        // She types her card meanwhile, too slowly.
        type("pay:card", APPROVE);
        type("pay:month", "12");
        type("pay:year", "2030");
        type("pay:cvc", "123");
        type("pay:holder", "MIO ABE");

        // 2. The countdown reaches zero: the page says the seats were released, and the button no longer buys.
        browser.waiting().until(d -> d.findElement(By.id("expiredText")).isDisplayed());
        assertEquals("0:00", browser.driver.findElement(By.id("remaining")).getAttribute("textContent").strip());
        String expired = text("expiredText");
        assertTrue(expired.contains("Your hold has expired and the seats went back on sale; nothing was charged"), expired);
        assertFalse(browser.driver.findElement(By.id("holdText")).isDisplayed(), "the countdown sentence is gone");
        assertFalse(browser.driver.findElement(By.id("pay:buy")).isEnabled(), "the buy button is disabled at zero");
        browser.screenshot("portal-hold-expired");

        // 3. Paying anyway (the page's request sent as an old tab would send it) is refused by the center; nothing charged.
        browser.js("var b = document.getElementById('pay:buy'); b.disabled = false; b.classList.remove('ui-state-disabled');");
        submit("pay:buy");
        String refused = text("messages");
        assertTrue(refused.contains("Your hold expired at") && refused.contains("its seats were released")
                && refused.contains("nothing was charged"), refused);
        assertFalse(browser.driver.getCurrentUrl().contains("confirmation.xhtml"));
        assertTrue(browser.find("#expiredText").isDisplayed(), "the reloaded page says so again");
        assertTrue(browser.driver.findElements(By.id("pay:buy")).isEmpty(), "nothing to pay on the reloaded page");
        browser.screenshot("portal-pay-after-expiry-refused");
        assertEquals(before, books(mioApi), "nothing was charged or sold");
        assertEquals(openBefore, openAuthorizations(), "no authorization was left open");
        // The expiry sweep puts the seats back on sale (it runs every 5 s on every instance).
        waitAvailable(sellerPage, "6");

        // 4. The best seats side by side, when they are not there: Ren bought B1 and E1, so four S seats are left, none three together.
        assertEquals(201, renApi.post("api/v1/purchases", SellingIT.purchase(performance, sellerId, List.of("B1", "E1"),
                SellingIT.card(APPROVE))).status());
        page(sellerPage);
        assertEquals("4", text("availableCount"));
        choose("best:type", "S – S seat");
        retype("best:quantity_input", "3");
        submit("best:holdBest");
        assertTrue(browser.driver.getCurrentUrl().contains("index.xhtml"), "no hold: " + browser.driver.getCurrentUrl());
        assertTrue(text("messages").contains("Quay Tickets has 4 S seats left, but not 3 side by side; choose seats one by one"),
                text("messages"));
        browser.screenshot("portal-best-not-side-by-side");
        retype("best:quantity_input", "5");
        submit("best:holdBest");
        assertTrue(text("messages").contains("Quay Tickets has only 4 S seats left for this performance; 5 asked"), text("messages"));

        // Ren buys the rest: sold out.
        assertEquals(201, renApi.post("api/v1/purchases", SellingIT.purchase(performance, sellerId, List.of("A1", "C1", "D1", "F1"),
                SellingIT.card(APPROVE))).status());
        page(sellerPage);
        assertEquals("0", text("availableCount"));
        // no seat type left to ask the best seats of: the form is gone; a request made anyway is told why
        assertTrue(browser.driver.findElements(By.id("best")).isEmpty(), "no best-seats form without free seats");
        browser.screenshot("portal-best-sold-out");
        Api.Response soldOut = mioApi.post("api/v1/holds", "{\"performanceId\":" + performance + ",\"sellerId\":" + sellerId
                + ",\"seatType\":\"S\",\"quantity\":1}");
        assertEquals(409, soldOut.status(), soldOut.body());
        assertTrue(soldOut.message().contains("Quay Tickets has no S seats left for this performance (its stock is sold out)"),
                soldOut.body());
        assertEquals(0, mioApi.get("api/v1/orders").json().getJsonNumber("total").longValue(), "Mio bought nothing");
    }

    /**
     * The wallet (e-money ledger, points, a top-up by card: bad amounts and a refused card change
     * nothing) and membership (Fig 13): the customer applies with a fan club, the fan club registers
     * her in its membership master, and its members-only seats are then hers to buy.
     */
    private void walletAndMembershipStory() {
        String clubCode = Api.unique("CLUB");
        long clubId = seller(clubCode, "Lantern Fan Club", "FAN_CLUB");
        String eventName = "Lantern Live " + Api.unique("L");
        long performance = smallEvent(eventName, clubId, 2, 5, "A1:E2");
        String yui = customer("Yui Kondo");
        Api yuiApi = Api.as(base, yui, CUSTOMER_PASSWORD);

        // 1. Yui opens her wallet from the portal's navigation: nothing yet.
        customerLogin(yui);
        browser.find("#navWallet").click();
        browser.waiting().until(d -> d.getCurrentUrl().contains("wallet.xhtml"));
        browser.settle();
        assertEquals("0 JPY", text("eMoneyBalance"));
        assertEquals("0", text("pointsBalance"));
        assertTrue(text("noEMoney").contains("No e-money movements yet"), text("noEMoney"));

        // 2. Bad amounts are refused with the limits, and a refused card charges nothing.
        topUp("0", APPROVE);
        assertTrue(text("messages").contains("A top-up is from 1 JPY to 1,000,000 JPY, not 0 JPY. Nothing was charged."),
                text("messages"));
        topUp("2000000", APPROVE);
        assertTrue(text("messages").contains("A top-up is from 1 JPY to 1,000,000 JPY, not 2,000,000 JPY"), text("messages"));
        topUp("5000", DECLINE);
        String declined = text("messages");
        assertTrue(declined.contains("Top-up refused: the card was declined by its issuer")
                && declined.contains("Nothing was charged; your e-money balance stays 0 JPY"), declined);
        browser.screenshot("portal-wallet-top-up-refused");
        topUp("5000", TIMEOUT);
        assertTrue(text("messages").contains("did not answer in time") && text("messages").contains("Nothing was charged"),
                text("messages"));
        assertEquals("0 JPY", text("eMoneyBalance"));
        assertEquals(0, yuiApi.get("api/v1/wallet").json().getJsonNumber("eMoney").longValue(), "refusals moved no money");

        // 3. An approved card: the balance and the ledger show the top-up.
        topUp("5000", APPROVE);
        assertTrue(text("messages").contains("5,000 JPY added to your e-money (card ending 1111)")
                && text("messages").contains("is now 5,000 JPY"), text("messages"));
        assertEquals("5,000 JPY", text("eMoneyBalance"));
        List<String> movements = browser.driver.findElements(By.cssSelector("#eMoneyMovements tbody tr")).stream()
                .map(e -> e.getText().strip()).toList();
        assertEquals(1, movements.size(), movements.toString());
        assertTrue(movements.get(0).endsWith("Top-up by card +5,000 JPY 5,000 JPY"), movements.get(0));
        assertEquals(5000, yuiApi.get("api/v1/wallet").json().getJsonNumber("eMoney").longValue());
        browser.screenshot("portal-wallet-topped-up");

        // 4. The fan club's seats are for members only: refused, with the way in.
        page("shop/index.xhtml?performance=" + performance + "&seller=" + clubId);
        WebElement club = xpath("//ul[@id='sellers']/li[contains(., 'Lantern Fan Club')]");
        assertTrue(club.getText().contains("members only"), club.getText());
        choose("best:type", "S – S seat");
        retype("best:quantity_input", "2");
        submit("best:holdBest");
        assertTrue(text("messages").contains("Lantern Fan Club sells to its registered members only; apply for membership first"),
                text("messages"));

        // 5. She applies from the seller list; the application waits for the fan club.
        xpath("//ul[@id='sellers']/li[contains(., 'Lantern Fan Club')]").findElement(By.linkText("apply for membership")).click();
        browser.waiting().until(d -> d.getCurrentUrl().contains("memberships.xhtml"));
        browser.settle();
        assertTrue(text("noMemberships").contains("no memberships yet"), text("noMemberships"));
        assertTrue(browser.find("#apply\\:seller_label").getText().contains("Lantern Fan Club (fan club)"),
                "the fan club is chosen already: " + browser.find("#apply\\:seller_label").getText());
        submit("apply:applyButton");
        assertTrue(text("messages").contains("You applied for membership with Lantern Fan Club"), text("messages"));
        String mine = browser.find("#memberships").getText();
        assertTrue(mine.contains("Lantern Fan Club") && mine.contains("Applied: waiting for Lantern Fan Club to register it"), mine);
        assertTrue(browser.driver.findElements(By.xpath("//*[@id='apply:seller_input']/option[contains(., 'Lantern Fan Club')]"))
                .isEmpty(), "she cannot apply twice to the same club");
        browser.screenshot("portal-membership-applied");

        // 5b. She withdraws the application; the club is offered again and she applies once more.
        browser.js("window.beforeSubmit = true;");
        browser.find("#memberships button.withdraw").click();
        browser.waiting().until(d -> Boolean.TRUE.equals(browser.js("return window.beforeSubmit === undefined;")));
        browser.settle();
        assertTrue(text("messages").contains("You withdrew your application with Lantern Fan Club"), text("messages"));
        assertTrue(browser.find("#memberships").getText().contains("Withdrawn by you. You may apply again."),
                browser.find("#memberships").getText());
        browser.screenshot("portal-membership-withdrawn");
        choose("apply:seller", "Lantern Fan Club (fan club)");
        submit("apply:applyButton");
        assertTrue(text("messages").contains("You applied for membership with Lantern Fan Club"), text("messages"));
        assertTrue(browser.find("#memberships").getText().contains("Applied: waiting for Lantern Fan Club to register it"),
                browser.find("#memberships").getText());

        // 6. The fan club sees the applications in its back office: it refuses Ken's, saying why, and registers Yui's.
        String ken = customer("Ken Sato");
        Api kenApi = Api.as(base, ken, CUSTOMER_PASSWORD);
        Api.Response kenApplied = kenApi.post("api/v1/memberships", "{\"sellerId\":" + clubId + "}");
        assertEquals(201, kenApplied.status(), kenApplied.body());
        login(clubCode.toLowerCase(), SELLER_PASSWORD);
        page("app/backoffice/seller/members.xhtml");
        assertEquals("2", text("waitingCount"));
        assertEquals("0", text("registeredCount"));
        String kenRow = "//*[@id='members:memberTable']//tr[td[contains(., 'Ken Sato')]]";
        xpath(kenRow).findElement(By.cssSelector("button.refuse")).click();
        browser.settle();
        assertTrue(errors("members").contains("Reason is required"), messages("members"));
        assertEquals("2", text("waitingCount"), "a refusal without a reason changes nothing");
        xpath(kenRow).findElement(By.cssSelector("input.refusal-reason")).sendKeys("Members must live in Lantern City");
        xpath(kenRow).findElement(By.cssSelector("button.refuse")).click();
        browser.settle();
        assertTrue(messages("members").contains("The application of Ken Sato is refused"), messages("members"));
        assertEquals("1", text("waitingCount"));
        assertTrue(xpath(kenRow).getText().contains("refused: Members must live in Lantern City")
                && xpath(kenRow).findElements(By.cssSelector("button.register")).isEmpty(), xpath(kenRow).getText());
        JsonObject kenSees = SecurityIT.array(kenApi.get("api/v1/memberships").body()).getJsonObject(0);
        assertEquals("REFUSED", kenSees.getString("status"));
        assertEquals("Members must live in Lantern City", kenSees.getString("refusal"));
        browser.screenshot("seller-membership-refused");
        WebElement application = xpath("//*[@id='members:memberTable']//tr[td[contains(., 'Yui Kondo')]]");
        assertTrue(application.getText().contains("waiting for registration") && application.getText().contains(yui + "@example.org"),
                application.getText());
        browser.screenshot("seller-membership-application");
        application.findElement(By.cssSelector("button.register")).click();
        browser.settle();
        String number = clubCode + "-000001";
        assertTrue(messages("members").contains("Yui Kondo is registered as member " + number), messages("members"));
        assertEquals("0", text("waitingCount"));
        assertEquals("1", text("registeredCount"));
        WebElement registered = xpath("//*[@id='members:memberTable']//tr[td[contains(., 'Yui Kondo')]]");
        assertTrue(registered.getText().contains(number) && registered.findElements(By.cssSelector("button.register")).isEmpty(),
                registered.getText());
        browser.screenshot("seller-membership-registered");

        // 7. Yui sees her membership registered, with its number, and may now hold the club's seats.
        customerLogin(yui);
        browser.find("#navMemberships").click();
        browser.waiting().until(d -> d.getCurrentUrl().contains("memberships.xhtml"));
        browser.settle();
        String row = browser.find("#memberships tbody tr").getText();
        assertTrue(row.contains("Registered member") && row.contains(number), row);
        browser.screenshot("portal-membership-registered");
        page("shop/index.xhtml?performance=" + performance + "&seller=" + clubId);
        assertTrue(xpath("//ul[@id='sellers']/li[contains(., 'Lantern Fan Club')]").findElements(By.linkText("apply for membership"))
                .isEmpty(), "a member is not asked to apply again");
        choose("best:type", "S – S seat");
        retype("best:quantity_input", "1");
        clickAndWait("best:holdBest", "checkout.xhtml");
        assertEquals(1, lines().size(), lines().toString());
        assertTrue(text("balance").contains("5,000 JPY"), text("balance"));

        // 8. She pays with her e-money; the wallet shows the payment and the points it earned.
        payBy("E-money");
        browser.find("#pay\\:buy").click();
        browser.waiting().until(d -> d.getCurrentUrl().contains("confirmation.xhtml"));
        browser.settle();
        String orderNumber = text("orderNumber");
        long earned = order(yuiApi, orderNumber).getJsonNumber("pointsEarned").longValue();
        assertTrue(earned > 0, "points are earned on a purchase");
        browser.find("#navWallet").click();
        browser.waiting().until(d -> d.getCurrentUrl().contains("wallet.xhtml"));
        browser.settle();
        assertEquals("0 JPY", text("eMoneyBalance"));
        assertEquals(String.valueOf(earned), text("pointsBalance"));
        List<String> ledger = browser.driver.findElements(By.cssSelector("#eMoneyMovements tbody tr")).stream()
                .map(e -> e.getText().strip()).toList();
        assertEquals(2, ledger.size(), ledger.toString());
        assertTrue(ledger.get(0).endsWith("Paid for order " + orderNumber + " -5,000 JPY 0 JPY"), ledger.get(0));
        assertTrue(ledger.get(1).endsWith("Top-up by card +5,000 JPY 5,000 JPY"), ledger.get(1));
        String points = browser.find("#pointsMovements tbody tr").getText();
        assertTrue(points.endsWith("Earned on order " + orderNumber + " +" + earned + " " + earned), points);
        browser.screenshot("portal-wallet-after-purchase");
    }

    /** Fills the wallet's top-up form and sends it. */
    private void topUp(String amount, String card) {
        retype("topUp:amount_input", amount, amount.replaceAll("(?<=[0-9])(?=([0-9]{3})+$)", ","));
        type("topUp:card", card);
        type("topUp:month", "12");
        type("topUp:year", "2030");
        type("topUp:cvc", "123");
        type("topUp:holder", "YUI KONDO");
        submit("topUp:add");
    }

    /**
     * A one-performance event on a small layout (all seats S at 5,000 JPY), the seller authorized
     * and given {@code allocated}; returns the performance's id.
     */
    private long smallEvent(String eventName, long sellerId, int rows, int columns, String allocated) {
        Api organizer = Api.demo(base, "organizer");
        long venue = created(organizer.post("api/v1/venues", "{\"code\":\"" + Api.unique("SV") + "\",\"name\":\"Small Hall\"}"));
        String all = "A1:" + (char) ('A' + columns - 1) + rows;
        long layout = created(organizer.post("api/v1/venues/" + venue + "/layouts",
                "{\"name\":\"Floor\",\"rows\":" + rows + ",\"columns\":" + columns + ",\"seatRanges\":\"" + all + "\"}"));
        long event = created(organizer.post("api/v1/events", "{\"code\":\"" + Api.unique("SE") + "\",\"name\":\"" + eventName
                + "\",\"layoutId\":" + layout + "}"));
        long performance = created(organizer.post("api/v1/events/" + event + "/performances",
                "{\"date\":\"2027-07-01\",\"openingTime\":\"18:00:00\",\"startTime\":\"19:00:00\",\"gates\":\"East\"}"));
        created(organizer.post("api/v1/events/" + event + "/seat-types",
                "{\"code\":\"S\",\"name\":\"S seat\",\"price\":5000,\"currency\":\"JPY\",\"colour\":\"#d62728\"}"));
        assertEquals(200, organizer.put("api/v1/events/" + event + "/seat-types/S/ranges", "{\"ranges\":\"" + all + "\"}").status());
        Api.Response authorized = organizer.post("api/v1/events/" + event + "/authorizations", "{\"sellerId\":" + sellerId
                + ",\"quota\":\"100\"}");
        assertEquals(201, authorized.status(), authorized.body());
        created(organizer.post("api/v1/allocations", "{\"performanceId\":" + performance + ",\"sellerId\":" + sellerId
                + ",\"ranges\":\"" + allocated + "\"}"));
        return performance;
    }

    /** Clicks a button that posts the whole page, and waits for the new page (not the old one, still showing old messages). */
    private void submit(String id) {
        browser.js("window.beforeSubmit = true;");
        browser.find("#" + id.replace(":", "\\:")).click();
        browser.waiting().until(d -> Boolean.TRUE.equals(browser.js("return window.beforeSubmit === undefined;")));
        browser.settle();
    }

    /** Reloads the seller's page until its free-seat count is {@code count} (bounded; the expiry sweep runs every 5 s). */
    private void waitAvailable(String sellerPage, String count) {
        browser.waiting().pollingEvery(java.time.Duration.ofSeconds(1)).until(d -> {
            d.get(base + sellerPage);
            browser.settle();
            return count.equals(d.findElement(By.id("availableCount")).getText().strip());
        });
    }

    private void customerLogin(String username) {
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(base + "shop/index.xhtml");
        browser.waiting().until(d -> d.getCurrentUrl().contains("login.xhtml"));
        type("login:username", username);
        type("login:password", CUSTOMER_PASSWORD);
        browser.driver.findElement(By.id("login:signIn")).click();
        browser.waiting().until(d -> d.getCurrentUrl().contains("/shop/index.xhtml"));
        browser.settle();
    }

    private void payByCard(String number) {
        payBy("Card");
        type("pay:card", number);
        type("pay:month", "12");
        type("pay:year", "2030");
        type("pay:cvc", "123");
        type("pay:holder", "HANA SATO");
        submit("pay:buy"); // a full page answer: read its messages only once it has replaced this page
    }

    /** Picks a way to pay by its label, as a buyer clicks it. */
    private void payBy(String label) {
        WebElement option = xpath("//label[starts-with(@for, 'pay:method') and starts-with(normalize-space(), '" + label + "')]");
        option.click();
        browser.settle();
        browser.waiting().until(d -> d.findElement(By.id(option.getAttribute("for"))).isSelected());
    }

    /** Replaces a field's text as a person does (select all, type): clear() leaves PrimeFaces' number fields as they were. */
    private void retype(String id, String text) {
        retype(id, text, text);
    }

    /** The same, for a field that shows what was typed formatted (thousands separators). */
    private void retype(String id, String text, String shown) {
        WebElement e = browser.find("#" + id.replace(":", "\\:"));
        e.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        e.sendKeys(text);
        browser.waiting().until(d -> shown.equals(e.getAttribute("value")));
    }

    private void clickAndWait(String id, String urlPart) {
        browser.find("#" + id.replace(":", "\\:")).click();
        browser.waiting().until(d -> d.getCurrentUrl().contains(urlPart));
        browser.settle();
    }

    /** The rows of the seats table: "C3 A 8,000 JPY". */
    private List<String> lines() {
        return browser.driver.findElements(By.cssSelector("#lines tbody tr")).stream().map(e -> e.getText().strip()).toList();
    }

    /** Row and column (1-based) of a line's seat label (column letters, then row number). */
    private static int[] cell(String line) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^([A-Z]+)([0-9]+) ").matcher(line);
        assertTrue(m.find(), line);
        int column = 0;
        for (char c : m.group(1).toCharArray()) {
            column = column * 26 + (c - 'A' + 1);
        }
        return new int[] {Integer.parseInt(m.group(2)), column};
    }

    private WebElement xpath(String path) {
        return browser.waiting().until(d -> {
            List<WebElement> found = d.findElements(By.xpath(path));
            return found.isEmpty() ? null : found.get(0);
        });
    }

    private void colouring(String mapId, String layer) {
        browser.js("var s = document.querySelector('#' + arguments[0] + ' select.seatmap-colouring'); s.value = arguments[1];"
                + " s.dispatchEvent(new Event('change'));", mapId, layer);
    }

    /** A seat's entry in the map's availability layer: 0 available, 1 held, 2 sold, 3 not this seller's. */
    private long stateAt(String mapId, int row, int column) {
        return ((Number) browser.js("var m = document.getElementById(arguments[0]).seatMap;"
                + " return m.layers.state.cells[(arguments[1] - 1) * m.columns + arguments[2] - 1];", mapId, row, column)).longValue();
    }

    /** A real mouse click on a seat's centre (1-based row and column). */
    private void clickSeat(String mapId, int row, int column) {
        WebElement canvas = browser.find("#" + mapId + " canvas");
        browser.js("arguments[0].scrollIntoView({block: 'center'})", canvas);
        int[] p = point(mapId, canvas, row, column);
        new Actions(browser.driver).moveToElement(canvas, p[0], p[1]).click().perform();
    }

    private Books books(Api customer) {
        JsonObject wallet = customer.get("api/v1/wallet").json();
        JsonObject center = Api.demo(base, "admin").get("api/v1/sales-reconciliation").json();
        return new Books(wallet.getJsonNumber("eMoney").longValue(), wallet.getJsonNumber("points").longValue(),
                customer.get("api/v1/orders").json().getJsonNumber("total").longValue(),
                center.getJsonNumber("orders").longValue(), center.getJsonNumber("acquirerCapturedForOrders").longValue(),
                center.getJsonNumber("journalSales").longValue(), center.getJsonNumber("soldTickets").longValue());
    }

    private long openAuthorizations() {
        return Api.demo(base, "admin").get("api/v1/sales-reconciliation").json().getJsonNumber("acquirerOpenAuthorizations").longValue();
    }

    private static JsonObject order(Api customer, String number) {
        return customer.get("api/v1/orders?size=100").json().getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(o -> o.getString("number").equals(number)).findFirst()
                .orElseThrow(() -> new AssertionError("order " + number + " is among the buyer's orders"));
    }

    /** Registers a customer (platform admin) and its login; returns the username. */
    private String customer(String name) {
        return new DemoFixture(base).newCustomer(name, CUSTOMER_PASSWORD);
    }

    private static long created(Api.Response r) {
        assertEquals(201, r.status(), r.body());
        return r.id();
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

    /** The form's messages; read again when a full-page answer replaces the element while it is read. */
    private String messages(String form) {
        return browser.waiting().ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> m = d.findElements(By.id(form + ":messages"));
            return m.isEmpty() ? "" : m.get(0).getText();
        });
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
        return seatCentre(mapId, row, column, "c.x - r.width / 2", "c.y - r.height / 2");
    }

    /** A seat's centre ({@code c}, in the canvas) placed by the given expressions over the canvas's box {@code r}. */
    private int[] seatCentre(String mapId, int row, int column, String x, String y) {
        @SuppressWarnings("unchecked")
        Map<String, Number> p = (Map<String, Number>) browser.js(
                "var m = document.getElementById(arguments[0]).seatMap; var c = m.cellCentre(arguments[1], arguments[2]);"
                        + " var r = m.canvas.getBoundingClientRect(); return {x: " + x + ", y: " + y + "};",
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
        return seller(code, name, "AGENT");
    }

    private long seller(String code, String name, String kind) {
        Api admin = Api.demo(base, "admin");
        Api.Response seller = admin.post("api/v1/sellers", "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"kind\":\"" + kind + "\"}");
        assertEquals(201, seller.status(), seller.body());
        Api.Response account = admin.post("api/v1/accounts", "{\"username\":\"" + code.toLowerCase() + "\",\"password\":\""
                + SELLER_PASSWORD + "\",\"role\":\"seller\",\"partyId\":" + seller.id() + "}");
        assertEquals(201, account.status(), account.body());
        return seller.id();
    }
}
