package io.datagraph.rest.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks HTTP Basic credentials against the server's realm with {@link HttpServletRequest#login}, the
 * portable way to reach it: for the API's filter and the metrics page alike.
 */
public final class BasicLogin {

    private static final Logger LOG = Logger.getLogger(BasicLogin.class.getName());
    private static final String BASIC = "Basic ";

    /** The challenge a 401 answer carries. */
    public static final String CHALLENGE = "Basic realm=\"datagraph\", charset=\"UTF-8\"";

    private BasicLogin() {
    }

    /** @return whether {@code authorization} held Basic credentials and the realm accepted them (the request is then logged in) */
    public static boolean login(HttpServletRequest request, String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return false;
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        int colon = credentials.indexOf(':');
        if (colon < 0) {
            return false;
        }
        try {
            request.login(credentials.substring(0, colon), credentials.substring(colon + 1));
            return true;
        } catch (ServletException refused) {
            LOG.log(Level.FINE, "login refused", refused);
            return false;
        }
    }
}
