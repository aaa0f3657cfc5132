package io.datagraph.rest.warmup;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where the warm-up calls the API: the configured URL, none, or the listener the server publishes. */
class ApiAddressTest {

    @Test
    void noneMeansNoWarmUp() {
        assertEquals(Optional.empty(), ApiAddress.find("none", "/datagraph/api"));
    }

    @Test
    void aConfiguredUrlIsUsedAsItIsWithoutATrailingSlash() {
        assertEquals(Optional.of(URI.create("http://10.0.0.5:8480/datagraph/api")),
                ApiAddress.find("http://10.0.0.5:8480/datagraph/api/", "/datagraph/api"));
    }

    @Test
    void autoOutsideWildFlyFindsNothing() {
        assertEquals(Optional.empty(), ApiAddress.find("auto", "/datagraph/api"));
    }

    @Test
    void aListenerOnEveryInterfaceIsReachedOnLoopback() {
        assertEquals("127.0.0.1", ApiAddress.reachable("0.0.0.0"));
        assertEquals("[::1]", ApiAddress.reachable("::"));
    }

    @Test
    void anAddressAsJavaPrintsItLosesItsSlashAndIPv6GetsBrackets() {
        assertEquals("192.168.1.4", ApiAddress.reachable("/192.168.1.4"));
        assertEquals("[fe80::1]", ApiAddress.reachable("fe80::1"));
    }
}
