package io.datagraph.it;

import io.datagraph.test.TestStore;
import jakarta.json.JsonArray;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Access control (datagraph.rest.security.enabled) against users of the server's realm: alice and
 * bob have the role {@code datagraph}, root has {@code datagraph-admin}, eve has neither; each
 * password is {@code <user>-pw}. Runs only on the servers the build starts with access control on.
 */
@ExtendWith(TestStore.class)
@ExtendWith(ArquillianExtension.class)
class SecuredApiIT {

    private static final String MULTIPLY = "{\"processors\":[\"multiply\"],\"inputs\":{\"foo\":[3]}}";
    /** Runs until its open input is completed. */
    private static final String OPEN = "{\"processors\":[\"multiply\"],\"open\":[\"foo\"]}";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static HttpRequest.Builder as(String user, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.BASE + path));
        if (user != null) {
            String password = user.contains(":") ? user.substring(user.indexOf(':') + 1) : user + "-pw";
            String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private static HttpResponse<String> get(String user, String path) {
        return Api.send(as(user, path).header("Accept", "application/json").GET());
    }

    private static String start(String user) {
        return start(user, MULTIPLY);
    }

    private static String start(String user, String body) {
        HttpResponse<String> started = Api.send(as(user, "/flows").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(201, started.statusCode(), started.body());
        return Api.json(started).getString("id");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detailPart) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(Api.json(response).getString("detail").contains(detailPart), response.body());
    }

    private static HttpResponse<String> metrics(String user) {
        HttpRequest.Builder request = as(user, "");
        return Api.send(request.uri(MetricsIT.METRICS).GET());
    }

    @Test
    void theMetricsPageAsksAnonymousCallersForCredentials() {
        HttpResponse<String> response = metrics(null);
        assertProblem(response, 401, "datagraph-admin");
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), response.headers().toString());
    }

    @Test
    void theMetricsPageIsForbiddenToUsersWithoutTheAdminRole() {
        assertProblem(metrics("alice"), 403, "datagraph-admin");
    }

    @Test
    void theMetricsPageIsServedToAnAdmin() {
        HttpResponse<String> response = metrics("root");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("# TYPE datagraph_runs_started_total counter"), response.body());
    }

    @Test
    void anonymousCallIs401WithABasicChallenge() {
        HttpResponse<String> response = get(null, "/processors");
        assertProblem(response, 401, "role 'datagraph'");
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"),
                response.headers().toString());
    }

    @Test
    void wrongPasswordIs401() {
        assertProblem(get("alice:guess", "/processors"), 401, "credentials");
    }

    @Test
    void userWithoutTheRoleIs403NamingIt() {
        assertProblem(get("eve", "/processors"), 403, "'datagraph'");
    }

    @Test
    void userWithTheRoleStartsAndReadsHerRun() {
        String id = start("alice");
        assertEquals("[0,2,4]", get("alice", "/flows/" + id + "/outputs/bar").body());
        assertEquals("alice", Api.json(get("alice", "/flows/" + id)).getString("startedBy"));
    }

    @Test
    void anotherUsersRunIs403ToReadFeedOrCancel() {
        String id = start("alice");
        assertProblem(get("bob", "/flows/" + id + "/outputs/bar"), 403, "another user");
        assertProblem(get("bob", "/flows/" + id), 403, "another user");
        assertProblem(Api.send(as("bob", "/flows/" + id).DELETE()), 403, "another user");
        assertProblem(Api.send(as("bob", "/flows/" + id + "/inputs/foo/complete")
                .POST(HttpRequest.BodyPublishers.noBody())), 403, "another user");
    }

    @Test
    void anotherUsersGraphLivePageEventStreamsAndInputsAre403() {
        String id = start("alice", OPEN);
        // in a format the graph has: a run's graph is negotiated before the run is looked up (406 first)
        assertProblem(Api.send(as("bob", "/flows/" + id + "/graph").header("Accept", "text/plain").GET()), 403, "another user");
        assertProblem(Api.send(as("bob", "/flows/" + id + "/live").header("Accept", "text/event-stream").GET()),
                403, "another user");
        assertProblem(Api.send(as("bob", "/flows/" + id + "/outputs/bar").header("Accept", "text/event-stream").GET()),
                403, "another user");
        assertProblem(Api.send(as("bob", "/flows/" + id + "/dead-letters").header("Accept", "application/json").GET()),
                403, "another user");
        assertProblem(Api.send(as("bob", "/flows/" + id + "/inputs/foo").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[4]"))), 403, "another user");
        assertProblem(Api.send(as("bob", "/flows/" + id + "/restart").POST(HttpRequest.BodyPublishers.noBody())),
                403, "another user");
        assertEquals("RUNNING", Api.json(get("alice", "/flows/" + id)).getString("status"), "bob's calls changed the run");
        assertEquals(204, Api.send(as("alice", "/flows/" + id).DELETE()).statusCode());
    }

    @Test
    void adminReadsAnyRun() {
        String id = start("alice");
        assertEquals("[0,2,4]", get("root", "/flows/" + id + "/outputs/bar").body());
        assertEquals("alice", Api.json(get("root", "/flows/" + id)).getString("startedBy"));
    }

    @Test
    void adminCancelsARunningRunOfAnotherUser() {
        String id = start("alice", OPEN);
        assertEquals("RUNNING", Api.json(get("alice", "/flows/" + id)).getString("status"));
        assertEquals(204, Api.send(as("root", "/flows/" + id).DELETE()).statusCode());
        assertEquals("CANCELLED", Api.json(get("alice", "/flows/" + id)).getString("status"));
    }

    @Test
    void listingShowsOnlyTheCallersRunsButEveryRunToAdmins() {
        String alices = start("alice");
        String bobs = start("bob");
        JsonArray forBob = Api.parse(get("bob", "/flows?limit=100").body()).asJsonArray();
        assertTrue(forBob.stream().anyMatch(run -> run.asJsonObject().getString("id").equals(bobs)), forBob.toString());
        assertTrue(forBob.stream().noneMatch(run -> run.asJsonObject().getString("id").equals(alices)), forBob.toString());
        JsonArray forRoot = Api.parse(get("root", "/flows?limit=100").body()).asJsonArray();
        assertTrue(forRoot.stream().anyMatch(run -> run.asJsonObject().getString("id").equals(alices)), forRoot.toString());
    }

    @Test
    void healthStaysOpenForProbes() {
        assertEquals(200, Api.health("live").statusCode());
    }
}
