package io.datagraph.it;

import io.datagraph.test.TestStore;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code datagraph.rest.security.runs-shared=true}, set in the deployment's own configuration: every
 * caller with the role sees and acts on every run, and a caller without it still gets nothing. Same
 * realm as {@link SecuredApiIT}.
 */
@ExtendWith(TestStore.class)
@ExtendWith(ArquillianExtension.class)
class SecuredSharedRunsIT {

    /** Runs until its open input is completed: sum needs every square. */
    private static final String OPEN = "{\"processors\":[\"square\",\"sum\"],\"open\":[\"numbers\"]}";

    /** The build's EAR with one more library holding the setting (MicroProfile Config reads it there). */
    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear().addAsLibrary(ShrinkWrap.create(JavaArchive.class, "shared-runs-config.jar")
                .addAsManifestResource(new StringAsset("datagraph.rest.security.runs-shared=true\n"),
                        "microprofile-config.properties"));
    }

    private static HttpRequest.Builder as(String user, String path) {
        return HttpRequest.newBuilder(URI.create(Api.BASE + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anotherUserWithTheRoleReadsFeedsAndCompletesTheRun() {
        HttpResponse<String> started = Api.send(as("alice", "/flows").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(OPEN)));
        assertEquals(201, started.statusCode(), started.body());
        String id = Api.json(started).getString("id");
        HttpResponse<String> state = Api.send(as("bob", "/flows/" + id).GET());
        assertEquals(200, state.statusCode(), state.body());
        assertEquals("RUNNING", Api.json(state).getString("status"), state.body());
        HttpResponse<String> appended = Api.send(as("bob", "/flows/" + id + "/inputs/numbers")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("[1,2,3]")));
        assertEquals(204, appended.statusCode(), appended.body());
        HttpResponse<String> completed = Api.send(as("bob", "/flows/" + id + "/inputs/numbers/complete")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, completed.statusCode(), completed.body());
        assertEquals("[14]", Api.send(as("bob", "/flows/" + id + "/outputs/total").header("Accept", "application/json")
                .GET()).body());
    }

    @Test
    void anIdempotencyKeyBelongsToTheCallerWhoSentIt() {
        String key = java.util.UUID.randomUUID().toString();
        List<String> ids = new java.util.ArrayList<>();
        for (String user : List.of("alice", "bob", "alice")) {
            HttpResponse<String> started = Api.send(as(user, "/flows").header("Content-Type", "application/json")
                    .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(OPEN)));
            assertEquals(ids.size() < 2 ? 201 : 200, started.statusCode(), user + ": " + started.body());
            ids.add(Api.json(started).getString("id"));
        }
        assertEquals(3, ids.size());
        assertEquals(ids.get(0), ids.get(2), "alice's repeat answers alice's run");
        assertTrue(!ids.get(0).equals(ids.get(1)), "bob's key is not alice's");
        for (String id : List.of(ids.get(0), ids.get(1))) {
            Api.send(as("alice", "/flows/" + id).DELETE());
        }
    }

    @Test
    void aCallerWithoutTheRoleStillGetsNothing() {
        HttpResponse<String> started = Api.send(as("alice", "/flows").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(OPEN)));
        String id = Api.json(started).getString("id");
        assertEquals(403, Api.send(as("eve", "/flows/" + id).GET()).statusCode());
        assertEquals(204, Api.send(as("alice", "/flows/" + id).DELETE()).statusCode());
    }
}
