package org.eticket.web.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.Collections;
import java.util.List;

/**
 * An API request whose Content-Type is not one media type ({@code json}, {@code text}, an empty
 * value, two headers) answers 415 in the API's error shape. Jersey parses that header before any
 * resource or exception mapper runs and, when it cannot, leaves the answer to the container: its
 * HTML error page. A well-formed type the resource does not read (text/plain for JSON) is
 * Jersey's 415, which {@link WebApplicationExceptionMapper} already answers in the API's shape.
 */
@WebFilter("/api/*")
public class ContentTypeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final int MAX_SHOWN = 60;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String problem = problem(Collections.list(request.getHeaders(HttpHeaders.CONTENT_TYPE)));
        if (problem == null) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
        response.setContentType(MediaType.APPLICATION_JSON);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(ApiJsonbResolver.JSONB.toJson(
                new ErrorDto(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type", problem)));
    }

    /** Null when there is no Content-Type or one media type, as Jersey reads it; otherwise what is wrong, for the caller. */
    private static String problem(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            return "the request has " + values.size() + " Content-Type headers; send one, such as application/json";
        }
        String value = values.get(0);
        try {
            if (!value.isBlank()) {
                MediaType.valueOf(value); // Jersey's own parser, as it reads the header
                return null;
            }
        } catch (IllegalArgumentException e) {
            // not a media type: answered below
        }
        String shown = value.length() > MAX_SHOWN ? value.substring(0, MAX_SHOWN - 3) + "..." : value;
        return "the request's Content-Type \"" + shown + "\" is not a media type (type/subtype, such as application/json)";
    }
}
