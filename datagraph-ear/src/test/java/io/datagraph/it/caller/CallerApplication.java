package io.datagraph.it.caller;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** An application of its own that calls the Datagraph API through the typed client (ClientIT deploys it). */
@ApplicationPath("/")
public class CallerApplication extends Application {
}
