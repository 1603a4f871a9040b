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
import java.util.regex.Pattern;

/**
 * An API request whose Content-Type is not one media type ({@code json}, {@code text}, an empty
 * value, two headers, a quality {@code q} Jersey fails to read) answers 415 in the API's error
 * shape, and one whose Accept has a quality that is no number from 0 to 1 answers 400. Jersey parses that header before any
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
        if (problem != null) {
            refuse(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type", problem);
            return;
        }
        String accept = acceptProblem(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
        if (accept != null) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, "Bad Request", accept);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, int status, String error, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(ApiJsonbResolver.JSONB.toJson(new ErrorDto(status, error, message)));
    }

    /** A quality as HTTP writes it (RFC 9110 12.4.2); Jersey fails with a 500 or an HTML 400 on any other. */
    private static final Pattern QUALITY = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    /** Null when every media range of the Accept headers parses with a valid quality; otherwise what is wrong. */
    private static String acceptProblem(List<String> values) {
        for (String value : values) {
            for (String range : value.split(",")) {
                if (range.isBlank()) {
                    continue;
                }
                try {
                    String q = MediaType.valueOf(range.strip()).getParameters().get("q");
                    if (q == null || QUALITY.matcher(q).matches()) {
                        continue;
                    }
                } catch (IllegalArgumentException e) {
                    // not a media range: answered below
                }
                return "the request's Accept \"" + shorten(range.strip()) + "\" is not a media range with a quality"
                        + " from 0 to 1 (such as application/json;q=0.9)";
            }
        }
        return null;
    }

    private static String shorten(String value) {
        return value.length() > MAX_SHOWN ? value.substring(0, MAX_SHOWN - 3) + "..." : value;
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
                // Jersey's own parser, as it reads the header; a quality means nothing here, and a bad one fails Jersey
                if (!MediaType.valueOf(value).getParameters().containsKey("q")) {
                    return null;
                }
            }
        } catch (IllegalArgumentException e) {
            // not a media type: answered below
        }
        return "the request's Content-Type \"" + shorten(value) + "\" is not a media type (type/subtype, such as application/json)";
    }
}
