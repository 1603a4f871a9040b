package org.eticket.web.relay;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.eticket.terminal.InstanceRelay;

/**
 * The relay endpoint another instance calls to drive a terminal connected here. No sign-in: the
 * call is authenticated by its HMAC (InstanceRelay checks it before anything runs), and it only
 * ever reaches this instance's adapter. The body is read as raw bytes because the MAC covers them.
 */
@WebServlet(InstanceRelay.PATH)
public class TerminalRelayServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** A relayed APDU or device command is small; anything larger is no relay call. */
    static final int MAX_BODY = 64 * 1024;

    @EJB
    private transient InstanceRelay relay;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "relay call too large");
            return;
        }
        InstanceRelay.Answer answer = relay.serve(new InstanceRelay.Call(request.getHeader(InstanceRelay.FROM),
                request.getHeader(InstanceRelay.TO), request.getHeader(InstanceRelay.TIME), request.getHeader(InstanceRelay.NONCE),
                request.getHeader(InstanceRelay.SIGNATURE), request.getMethod(), request.getServletPath(), body));
        response.setStatus(answer.status());
        response.setContentType("application/json");
        if (answer.signature() != null) {
            response.setHeader(InstanceRelay.SIGNATURE, answer.signature());
        }
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }
}
