package io.datagraph.it;

import io.datagraph.test.TestStore;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run started with an input left open, fed over HTTP. */
@ExtendWith(TestStore.class)
@ExtendWith(ArquillianExtension.class)
class OpenInputsIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void valuesPostedToAnOpenInputFlowThroughUntilItIsCompleted() {
        String id = Api.start("{\"processors\":[\"square\",\"sum\"],\"open\":[\"numbers\"]}");
        assertEquals(204, Api.post("/flows/" + id + "/inputs/numbers", "[1,2,3]").statusCode());
        assertEquals(204, Api.post("/flows/" + id + "/inputs/numbers", "[4]").statusCode());
        assertEquals("RUNNING", Api.json(Api.get("/flows/" + id, "application/json")).getString("status"));
        assertEquals(204, Api.post("/flows/" + id + "/inputs/numbers/complete", "").statusCode());
        assertEquals("[30]", Api.get("/flows/" + id + "/outputs/total", "application/json").body());
    }

    @Test
    void postingToACompletedInputIs409() {
        String id = Api.start("{\"processors\":[\"square\"],\"open\":[\"numbers\"]}");
        Api.post("/flows/" + id + "/inputs/numbers/complete", "");
        var response = Api.post("/flows/" + id + "/inputs/numbers", "[5]");
        assertEquals(409, response.statusCode(), response.body());
        assertTrue(response.body().contains("numbers"));
    }

    @Test
    void postingToAnOutputIs409AndToAnUnknownStream404() {
        String id = Api.start("{\"processors\":[\"square\"],\"open\":[\"numbers\"]}");
        assertEquals(409, Api.post("/flows/" + id + "/inputs/squares", "[5]").statusCode());
        assertEquals(404, Api.post("/flows/" + id + "/inputs/nosuch", "[5]").statusCode());
        Api.delete("/flows/" + id);
    }

    @Test
    void postingSomethingElseThanAnArrayIs400() {
        String id = Api.start("{\"processors\":[\"square\"],\"open\":[\"numbers\"]}");
        assertEquals(400, Api.post("/flows/" + id + "/inputs/numbers", "{\"a\":1}").statusCode());
        assertEquals(400, Api.post("/flows/" + id + "/inputs/numbers", "[1,null]").statusCode());
        Api.delete("/flows/" + id);
    }
}
