package io.datagraph.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The fuzzer against a server with access control on: requests go as alice, and one in five carries a
 * hostile Authorization header instead (malformed, oversized, another scheme, wrong or missing
 * password, a user without the role). The same guarantees hold: no server error, every
 * error a problem document, nothing left behind by a refused request.
 */
class SecuredFuzzIT extends FuzzIT {

    /**
     * Wrong passwords go to a user the realm does not know: WildFly's realms lock a real user out after a
     * few failed logins (brute-force protection), which would lock out the users the other tests act as.
     */
    private static final List<String> HOSTILE = List.of("", "Basic", "Basic ", "Basic !!!not-base64!!!",
            "Basic " + base64("mallory"), "Basic " + base64("mallory:guess"), "Basic " + base64(":"),
            "Basic " + base64("mallory:pw\u0000"), "Basic " + base64("eve:eve-pw"),
            "Basic " + base64("mallory:" + "x".repeat(5000)), "Bearer eyJhbGciOiJub25lIn0.e30.", "Digest username=\"alice\"",
            "Basic " + base64("\u00e9l\u00e8ve:pw"), "Negotiate YIIB", "Basic " + base64("alice:alice-pw") + " trailing");

    @BeforeAll
    static void actAsAlice() {
        Api.authorization = "Basic " + base64("alice:alice-pw");
    }

    @AfterAll
    static void actAsNobody() {
        Api.authorization = null;
    }

    @Override
    protected String hostileAuthorization(HostileInput hostile) {
        return hostile.nextInt(5) == 0 ? hostile.pick(HOSTILE) : null;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
