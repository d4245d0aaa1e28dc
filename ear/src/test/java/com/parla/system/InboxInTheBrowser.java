package com.parla.system;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import static com.parla.system.ConsoleInboxIT.CORRECT_INTENT;
import static com.parla.system.ConsoleInboxIT.FIRST_WORDS;
import static com.parla.system.ConsoleInboxIT.LIVE_NUMBER;
import static com.parla.system.ConsoleInboxIT.NOTE;
import static com.parla.system.ConsoleInboxIT.QUIET_NUMBER;
import static com.parla.system.ConsoleInboxIT.QUIET_WORDS;
import static com.parla.system.ConsoleInboxIT.REPLY;
import static com.parla.system.ConsoleInboxIT.SECOND_WORDS;
import static com.parla.system.ConsoleInboxIT.ofBoutique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser half of {@link ConsoleInboxIT}, run outside the server: Selenium's classes are not in the deployment,
 * so nothing of the test class the server loads may name them.
 */
final class InboxInTheBrowser {

    private static final String BASE = "http://127.0.0.1:" + System.getProperty("parla.it.http.port");
    private static final Duration PAGE = Duration.ofSeconds(20);

    private InboxInTheBrowser() {
    }

    static void personalShopperWorksTheInbox() throws Exception {
        ChromeDriver chrome = HeadlessChromium.start();
        try {
            signIn(chrome, "shopper@parla.demo", "parla-shopper");
            chrome.get(BASE + "/console/inbox.xhtml");
            assertEquals("Giulia Bianchi · Personal shopper", read(chrome, By.id("session:who")));
            waitFor(chrome, By.id("list:conversations"));
            // a mark in the page: still there later means nothing was reloaded
            chrome.executeScript("window.parlaSamePage = true;");

            // the customer writes through the webhook port; the open page shows it by itself
            WhatsAppCustomer live = ofBoutique(null, LIVE_NUMBER);
            assertEquals(200, live.types(FIRST_WORDS));
            waitFor(chrome, rowSaying(FIRST_WORDS));
            assertEquals(Boolean.TRUE, chrome.executeScript("return window.parlaSamePage === true;"),
                    "the list changed without a reload");
            click(chrome, rowSaying(FIRST_WORDS));
            until(chrome, d -> threadTexts(d).contains(FIRST_WORDS));
            assertTrue(chrome.findElements(By.cssSelector("#thread img, #list img")).isEmpty(),
                    "the customer's HTML is shown as text, never run");
            assertEquals("Ana", read(chrome, By.id("thread:customer")));
            String window = read(chrome, By.id("thread:window"));
            assertTrue(window.matches("Service window open for 2[34] h \\d{1,2} min\\."), window);
            assertEquals("Nobody has it yet", read(chrome, By.id("thread:nobody")));
            // the assistant's answer, and how it fared at the channel
            until(chrome, d -> deliveries(d).contains("sent"));
            // what the assistant read in the customer's words, and how sure it was; she corrects it
            String reading = read(chrome, By.cssSelector("#thread .parla-from-customer [id$=':reading']"));
            assertTrue(reading.matches("[a-z_]+ · \\d{1,3}%"), reading);
            click(chrome, By.cssSelector("#thread .parla-from-customer [id$=':correct']"));
            until(chrome, d -> text(d, By.id("correct:words")).equals(FIRST_WORDS));
            WebElement intent = chrome.findElement(By.id("correct:intent_input"));
            intent.clear();
            intent.sendKeys(CORRECT_INTENT);
            chrome.findElement(By.id("correct:save")).click();
            until(chrome, d -> growl(d).contains("Saved as an example: the store's next retrain learns it."));
            until(chrome, d -> text(d, By.cssSelector("#thread .parla-from-customer [id$=':reading']"))
                    .equals("corrected to " + CORRECT_INTENT));

            // she answers: it goes out, the conversation is hers and the assistant falls silent
            chrome.findElement(By.id("composer:reply")).sendKeys(REPLY);
            chrome.findElement(By.id("composer:send")).click();
            until(chrome, d -> growl(d).contains("Sent to the customer."));
            until(chrome, d -> threadTexts(d).contains(REPLY));
            until(chrome, d -> text(d, By.id("thread:assignee")).equals("Assigned to Giulia Bianchi"));
            until(chrome, d -> items(d).stream().anyMatch(i -> i.getText().contains("Giulia Bianchi")
                    && i.getText().contains(REPLY) && i.getText().contains("sent")));
            waitFor(chrome, By.id("thread:handBack"));
            assertEquals("", chrome.findElement(By.id("composer:reply")).getAttribute("value"), "the composer is clear");

            // the customer writes again while the conversation is open: it appears in the thread by itself
            chrome.findElement(By.id("composer:reply")).sendKeys("typing, not sent");
            assertEquals(200, live.types(SECOND_WORDS));
            until(chrome, d -> threadTexts(d).contains(SECOND_WORDS));
            assertEquals("typing, not sent", chrome.findElement(By.id("composer:reply")).getAttribute("value"),
                    "what she was typing is kept when the thread is drawn again");
            assertEquals(Boolean.TRUE, chrome.executeScript("return window.parlaSamePage === true;"));

            chrome.findElement(By.id("composer:note")).sendKeys(NOTE);
            chrome.findElement(By.id("composer:addNote")).click();
            until(chrome, d -> items(d).stream().anyMatch(i -> i.getText().startsWith("Note · Giulia Bianchi")
                    && i.getText().contains(NOTE)));
            Files.copy(chrome.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "inbox.png"),
                    StandardCopyOption.REPLACE_EXISTING);

            // hers only; and the quiet customer, found by number, is nobody's
            clickOption(chrome, "filters:show", "Mine");
            until(chrome, d -> !d.findElements(rowSaying(SECOND_WORDS)).isEmpty());
            chrome.findElement(By.id("filters:search")).sendKeys(QUIET_NUMBER);
            until(chrome, d -> d.findElements(rowSaying(SECOND_WORDS)).isEmpty()
                    && read(d, By.id("list:conversations")).contains("No conversation here."));
            clickOption(chrome, "filters:show", "Unassigned");
            until(chrome, d -> !d.findElements(rowSaying(QUIET_WORDS)).isEmpty());

            // the quiet customer: the window closed two days ago, so no free text, only a template
            click(chrome, rowSaying(QUIET_WORDS));
            until(chrome, d -> threadTexts(d).contains(QUIET_WORDS));
            assertEquals("The service window has closed: only an approved template can be sent now.",
                    read(chrome, By.id("thread:window")));
            assertTrue(read(chrome, By.id("composer:locked"))
                    .contains("Writing is locked outside the service window."));
            assertTrue(chrome.findElements(By.id("composer:reply")).isEmpty(), "no free text outside the window");
            Files.copy(chrome.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "inbox-locked.png"),
                    StandardCopyOption.REPLACE_EXISTING);
            // a person can still take it from the assistant and give it back
            click(chrome, By.id("thread:handOff"));
            until(chrome, d -> growl(d).contains("You are talking now; the assistant stays quiet."));
            click(chrome, By.id("thread:handBack"));
            until(chrome, d -> growl(d).contains("The assistant answers again."));
            waitFor(chrome, By.id("thread:handOff"));

            // in Italian
            clickOption(chrome, "session:language", "IT");
            until(chrome, d -> text(d, By.id("nav:inbox")).equals("Conversazioni"));
            assertEquals("Giulia Bianchi · Personal shopper", read(chrome, By.id("session:who")));
            click(chrome, rowSaying(SECOND_WORDS));
            until(chrome, d -> text(d, By.id("thread:window")).startsWith("Finestra di servizio aperta ancora per"));
            assertEquals("Assegnata a Giulia Bianchi", read(chrome, By.id("thread:assignee")));

            // the session ends (as after an hour away): the next click leads to the sign-in page, which says why,
            // instead of doing nothing
            chrome.manage().deleteCookieNamed("JSESSIONID");
            clickOption(chrome, "filters:show", "Mie");
            until(chrome, d -> d.getCurrentUrl().endsWith("/login.xhtml?expired=true"));
            String expired = read(chrome, By.id("login:expired"));
            assertTrue(expired.contains("Your session has ended") && expired.contains("Sign in again to go on."),
                    expired);
        } catch (Throwable failed) {
            // kept with the build output: what the page showed when it went wrong
            Files.copy(chrome.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "inbox-failure.png"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(Path.of("target", "inbox-failure.html"), chrome.getPageSource());
            throw failed;
        } finally {
            chrome.quit();
        }
    }

    private static void signIn(ChromeDriver chrome, String email, String password) {
        chrome.get(BASE + "/console/inbox.xhtml");
        new WebDriverWait(chrome, PAGE).until(d -> d.getCurrentUrl().endsWith("/login.xhtml"));
        chrome.findElement(By.id("login:email")).sendKeys(email);
        chrome.findElement(By.id("login:password")).sendKeys(password);
        chrome.findElement(By.id("login:submit")).click();
        new WebDriverWait(chrome, PAGE).until(d -> !d.getCurrentUrl().endsWith("/login.xhtml"));
    }

    /** The link of the conversation whose latest customer message says this. */
    private static By rowSaying(String words) {
        return By.xpath("//a[contains(@id,':open')][.//span[contains(@id,':preview') and .=" + xpathText(words)
                + "]]");
    }

    private static String xpathText(String s) {
        return s.contains("'") ? "\"" + s + "\"" : "'" + s + "'";
    }

    private static List<WebElement> items(WebDriver d) {
        return d.findElements(By.cssSelector("#thread .parla-item"));
    }

    private static List<String> threadTexts(WebDriver d) {
        return d.findElements(By.cssSelector("#thread .parla-text")).stream().map(WebElement::getText).toList();
    }

    private static List<String> deliveries(WebDriver d) {
        return d.findElements(By.cssSelector("#thread .parla-delivery")).stream().map(WebElement::getText).toList();
    }

    private static String growl(WebDriver d) {
        return d.findElements(By.cssSelector(".ui-growl-message")).stream().map(WebElement::getText)
                .reduce("", (a, b) -> a + "\n" + b);
    }

    private static String text(WebDriver d, By by) {
        return d.findElements(by).stream().findFirst().map(WebElement::getText).orElse("");
    }

    /** Clicks the option of a PrimeFaces selectOneButton that says this. */
    private static void clickOption(ChromeDriver chrome, String id, String label) {
        until(chrome, d -> {
            d.findElement(By.id(id)).findElements(By.cssSelector(".ui-button")).stream()
                    .filter(b -> b.getText().strip().equals(label)).findFirst()
                    .orElseThrow(() -> new org.openqa.selenium.NoSuchElementException(label + " in " + id)).click();
            return true;
        });
    }

    /** The text of what may be drawn again at any moment (read again if it went stale). */
    private static String read(WebDriver chrome, By by) {
        return new WebDriverWait(chrome, PAGE).ignoring(StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class).until(d -> d.findElement(by).getText());
    }

    /** Clicks what may be drawn again at any moment (the inbox is told to look again): again if it went stale. */
    private static void click(WebDriver chrome, By by) {
        until(chrome, d -> {
            d.findElement(by).click();
            return true;
        });
    }

    private static WebElement waitFor(WebDriver chrome, By by) {
        return new WebDriverWait(chrome, PAGE).until(d -> d.findElement(by));
    }

    private static void until(WebDriver chrome, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(chrome, PAGE).ignoring(StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class).until(condition);
    }
}
