package io.datagraph.it;

import io.datagraph.test.TestStore;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live flow page in headless Chromium: start producer → consumer from the form, watch the
 * counts rise while it runs, see it end COMPLETED. Leaves a screenshot at
 * {@code target/live-page.png}. Needs Debian's chromium and chromium-driver (.ci/run installs them);
 * skipped without them.
 */
@ExtendWith(TestStore.class)
@ExtendWith(ArquillianExtension.class)
class LivePageIT {

    private static final String PAGE = Api.BASE.replace("/api", "/");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    /** Opens the page and starts a flow of {@code processors} with {@code inputs} (JSON) from its form. */
    private static void startFromThePage(Browser browser, String processors, String inputs) throws Exception {
        browser.open(PAGE);
        browser.type("#start input[name=processors]", processors);
        browser.type("#start textarea[name=inputs]", inputs);
        browser.click("#start-button");
    }

    @Test
    void pageStartsAFlowAndShowsItsCountsRisingUntilItCompletes() throws Exception {
        Browser.requireOrSkip();
        try (Browser browser = new Browser()) {
            startFromThePage(browser, "producer, consumer", "{\"input\": [150]}");

            List<Long> counts = new ArrayList<>();
            String status = "";
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!status.equals("COMPLETED") && System.nanoTime() < deadline) {
                Thread.sleep(300);
                status = browser.script("return document.getElementById('run-status').textContent");
                String count = browser.script(
                        "const c = document.querySelector('tr[data-stream=consumed] .count'); return c ? c.textContent : ''");
                if (!count.isEmpty() && status.equals("RUNNING")) {
                    counts.add(Long.parseLong(count));
                }
            }
            assertEquals("COMPLETED", status);
            assertTrue(counts.stream().distinct().count() >= 2, "counts did not rise while running: " + counts);
            for (int i = 1; i < counts.size(); i++) {
                assertTrue(counts.get(i) >= counts.get(i - 1), "counts went down: " + counts);
            }
            assertEquals("150", browser.script("return document.querySelector('tr[data-stream=consumed] .count').textContent"));
            assertTrue(browser.script("return location.search").startsWith("?run="), "the page's address names the run");
            assertEquals("2", browser.script("return String(document.querySelectorAll('#graph g.processor').length)"));
            browser.screenshot(Path.of("target", "live-page.png"));
        }
    }

    @Test
    void pagePlotsEachStreamsRateOverTheLastMinuteAndTheRunsDuration() throws Exception {
        Browser.requireOrSkip();
        try (Browser browser = new Browser()) {
            startFromThePage(browser, "producer, consumer", "{\"input\": [400]}");
            String chart = "";
            String status = "";
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!status.equals("COMPLETED") && System.nanoTime() < deadline) {
                Thread.sleep(300);
                status = browser.script("return document.getElementById('run-status').textContent");
                // samples plotted, and the points of the line: one per sample
                String now = browser.script("const s = document.querySelector('tr[data-stream=consumed] svg.spark');"
                        + " return s ? s.getAttribute('data-samples') + '/' + s.querySelector('polyline')"
                        + ".getAttribute('points').trim().split(/\\s+/).filter(p => p).length : ''");
                if (status.equals("RUNNING") && !now.isEmpty()) {
                    chart = now;
                }
            }
            assertEquals("COMPLETED", status);
            String[] plotted = chart.split("/");
            assertTrue(Integer.parseInt(plotted[0]) >= 3, "rate samples plotted while running: " + chart);
            assertEquals(plotted[0], plotted[1], "one point per sample: " + chart);
            String duration = browser.script("return document.getElementById('run-duration').textContent");
            assertTrue(duration.matches("\\d+(\\.\\d)? (ms|s)|\\d+ min \\d+ s"), "duration shown: '" + duration + "'");
            browser.screenshot(Path.of("target", "live-page-charts.png"));
        }
    }

    @Test
    void pageShowsTheDeadLettersOfEachProcessor() throws Exception {
        Browser.requireOrSkip();
        try (Browser browser = new Browser()) {
            startFromThePage(browser, "enrich", "{\"items\": [1, -1, -2]}");
            String status = "";
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!status.equals("COMPLETED") && System.nanoTime() < deadline) {
                Thread.sleep(300);
                status = browser.script("return document.getElementById('run-status').textContent");
            }
            assertEquals("COMPLETED", status);
            assertEquals("dead letters: enrich 2", browser.script("return document.getElementById('dead-letters').textContent"));
        }
    }

    @Test
    void theRunListFiltersByStatusAndProcessor() throws Exception {
        Browser.requireOrSkip();
        String open = Api.start("{\"processors\":[\"square\"],\"open\":[\"numbers\"]}");
        String done = Api.start("{\"processors\":[\"multiply\"],\"inputs\":{\"foo\":[2]}}");
        Api.get("/flows/" + done + "/outputs/bar", "application/json"); // answers once the run completed
        try (Browser browser = new Browser()) {
            browser.open(PAGE);
            filterStatus(browser, "RUNNING");
            browser.type("#run-filter input[name=processor]", "square");
            awaitList(browser, open, true, done, false);
            filterStatus(browser, "COMPLETED");
            awaitList(browser, open, false, done, false);
            browser.script("document.querySelector('#run-filter input[name=processor]').value = '';"
                    + " document.querySelector('#run-filter').dispatchEvent(new Event('input')); return ''");
            awaitList(browser, open, false, done, true);
        } finally {
            Api.delete("/flows/" + open);
        }
    }

    private static void filterStatus(Browser browser, String status) throws Exception {
        browser.script("const s = document.querySelector('#run-filter select[name=status]'); s.value = '" + status + "';"
                + " s.dispatchEvent(new Event('input', { bubbles: true })); return ''");
    }

    /** Waits until the list shows (or not) each of two runs, with a deadline. */
    private static void awaitList(Browser browser, String first, boolean firstShown, String second, boolean secondShown)
            throws Exception {
        String check = "return String(!!document.querySelector('#runs li[data-run=\"" + first + "\"]') === " + firstShown
                + " && !!document.querySelector('#runs li[data-run=\"" + second + "\"]') === " + secondShown + ")";
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!browser.script(check).equals("true")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the run list never showed " + first + "=" + firstShown + ", " + second + "="
                        + secondShown + ": " + browser.script("return document.getElementById('runs').innerHTML"));
            }
            Thread.sleep(100);
        }
    }
}
