package org.eticket.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The API's JSON-B, for request and response bodies alike: Yasson's defaults, as Jersey uses
 * without this, except that a body number goes into an int or long field (boxed or not, at any
 * depth) only when it fits exactly ({@link ExactNumberParser}); otherwise the request is refused
 * with 400 before the resource runs.
 */
@Provider
public class ApiJsonbResolver implements ContextResolver<Jsonb> {

    /** One for the application, as Jersey's default: a Jsonb is thread-safe and costly to build. */
    static final Jsonb JSONB = JsonbBuilder.newBuilder()
            .withProvider(new ExactNumberProvider(JsonProvider.provider()))
            .build();

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
