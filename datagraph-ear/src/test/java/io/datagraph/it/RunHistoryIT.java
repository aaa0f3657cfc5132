package io.datagraph.it;

import io.datagraph.test.TestStore;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /flows}: the retained runs, newest first, filtered and paged with a Link header. */
@ExtendWith(TestStore.class)
@ExtendWith(ArquillianExtension.class)
class RunHistoryIT {

    private static final Pattern NEXT = Pattern.compile("<([^>]*)>;\\s*rel=\"next\"");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static List<String> ids(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return Api.parse(response.body()).asJsonArray().getValuesAs(JsonObject.class).stream()
                .map(run -> run.getString("id")).toList();
    }

    @Test
    void pagesFollowTheLinkHeaderThroughEveryRunSinceAnInstant() {
        String since = Instant.now().toString();
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            started.add(0, Api.start("{\"processors\":[\"square\"],\"open\":[\"numbers\"]}"));
        }
        List<String> listed = new ArrayList<>();
        String path = "/flows?processor=square&status=RUNNING&since=" + since + "&limit=3";
        int pages = 0;
        while (path != null) {
            HttpResponse<String> page = Api.get(path, "application/json");
            listed.addAll(ids(page));
            pages++;
            Matcher next = NEXT.matcher(page.headers().firstValue("Link").orElse(""));
            path = next.find() ? next.group(1).substring(next.group(1).indexOf("/flows")) : null;
        }
        assertEquals(started, listed);
        assertEquals(3, pages);
        started.forEach(id -> Api.delete("/flows/" + id));
    }

    @Test
    void aListedRunNamesItsStatusProcessorsStartAndPage() {
        String id = Api.start("{\"processors\":[\"square\"],\"open\":[\"numbers\"]}");
        JsonArray runs = Api.parse(Api.get("/flows?status=RUNNING&processor=square&limit=1", "application/json").body())
                .asJsonArray();
        JsonObject run = runs.getJsonObject(0);
        assertEquals(id, run.getString("id"));
        assertEquals("RUNNING", run.getString("status"));
        assertEquals(List.of("square"), run.getJsonArray("processors").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertTrue(Instant.parse(run.getString("started")).isBefore(Instant.now().plusSeconds(60)));
        assertTrue(run.getString("view").endsWith("?run=" + id), run.toString());
        Api.delete("/flows/" + id);
    }

    @Test
    void aBadParameterIs400NamingIt() {
        for (String query : List.of("status=DONE", "since=yesterday", "limit=0", "limit=101", "cursor=xyz")) {
            HttpResponse<String> answer = Api.get("/flows?" + query, "application/json");
            assertEquals(400, answer.statusCode(), query + ": " + answer.body());
            String parameter = query.substring(0, query.indexOf('='));
            assertTrue(Api.json(answer).getString("detail").contains(parameter), answer.body());
        }
    }
}
