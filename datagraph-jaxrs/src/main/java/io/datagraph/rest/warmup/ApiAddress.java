package io.datagraph.rest.warmup;

import io.datagraph.engine.config.RestSettings;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * Where this server's own API answers, for the warm-up to call it: the URL {@code datagraph.rest.warm-up-url}
 * names, or, when it is {@code auto}, the server's HTTP listener where the server publishes it. WildFly
 * does, as its {@code http} socket binding (in JMX, port offset applied); Payara does not, so there the
 * URL must be configured.
 */
final class ApiAddress {

    private static final String WILDFLY_HTTP_BINDING = "jboss.as:socket-binding-group=*,socket-binding=http";

    private ApiAddress() {
    }

    /**
     * The API's base URL, or empty when the setting is {@code none}, or {@code auto} on a server that does
     * not say where it listens.
     *
     * @param setting {@code datagraph.rest.warm-up-url}
     * @param path    the API's path on the server, e.g. {@code /datagraph/api}
     */
    static Optional<URI> find(String setting, String path) {
        if (setting.equals(RestSettings.WARM_UP_NONE)) {
            return Optional.empty();
        }
        if (!setting.equals(RestSettings.WARM_UP_AUTO)) {
            return Optional.of(URI.create(setting.endsWith("/") ? setting.substring(0, setting.length() - 1) : setting));
        }
        return wildFlyListener().map(host -> URI.create("http://" + host + path));
    }

    /** {@code host:port} of WildFly's {@code http} socket binding, if this is WildFly and it is bound. */
    private static Optional<String> wildFlyListener() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            Set<ObjectName> bindings = server.queryNames(new ObjectName(WILDFLY_HTTP_BINDING), null);
            for (ObjectName binding : bindings) {
                Object port = server.getAttribute(binding, "boundPort");
                Object address = server.getAttribute(binding, "boundAddress");
                if (port instanceof Integer number && number > 0 && address != null) {
                    return Optional.of(reachable(address.toString()) + ":" + number);
                }
            }
            return Optional.empty();
        } catch (javax.management.JMException | RuntimeException notWildFly) {
            return Optional.empty();
        }
    }

    /** A listener on every interface is reached on loopback; an IPv6 literal goes in brackets. */
    static String reachable(String address) {
        String host = address.startsWith("/") ? address.substring(1) : address;
        if (host.equals("0.0.0.0")) {
            return "127.0.0.1";
        }
        if (host.equals("::") || host.equals("0:0:0:0:0:0:0:0")) {
            return "[::1]";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
