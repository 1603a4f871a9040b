package org.eticket.web.relay;

import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eticket.terminal.InstanceDirectory;

/**
 * When {@code eticket.instance.url} is not set, records this instance's internal address from the
 * first request it serves: the local address and port the request arrived on (not the Host
 * header, which may name a load balancer) and the context path. After that, one field check.
 */
@WebFilter("/*")
public class InstanceAddressFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient InstanceDirectory directory;

    private volatile boolean known;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!known) {
            if (!directory.knowsUrl()) {
                String address = request.getLocalAddr();
                String host = address.contains(":") ? "[" + address + "]" : address;
                directory.learnUrl(request.getScheme() + "://" + host + ":" + request.getLocalPort() + request.getContextPath());
            }
            known = directory.knowsUrl();
        }
        chain.doFilter(request, response);
    }
}
