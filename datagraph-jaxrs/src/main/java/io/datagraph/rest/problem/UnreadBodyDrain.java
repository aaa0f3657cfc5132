package io.datagraph.rest.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Reads and drops what is left of a request body the API answered without reading (a 413 for a body
 * over the limit, a 415 or 406 decided before the body mattered), up to {@value #AT_MOST} bytes, as
 * Tomcat's maxSwallowSize does. Without it a client still sending its body may never see the answer:
 * the JDK's HttpClient reads it only once the body is sent, and Payara stops reading the connection
 * once the answer is written, so both sides wait (the fuzzing test found it). A larger remainder is
 * left to the server, which may close the connection.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class UnreadBodyDrain extends HttpFilter {

    static final long AT_MOST = 2L * 1024 * 1024;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } finally {
            if (!request.isAsyncStarted() && request.getContentLengthLong() != 0) {
                drain(request.getInputStream());
            }
        }
    }

    private static void drain(ServletInputStream body) throws IOException {
        byte[] buffer = new byte[8192];
        long drained = 0;
        while (drained < AT_MOST && !body.isFinished()) {
            int read = body.read(buffer);
            if (read < 0) {
                return;
            }
            drained += read;
        }
    }
}
