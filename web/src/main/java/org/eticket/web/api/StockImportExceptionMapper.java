package org.eticket.web.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.eticket.allocation.StockImportException;

/** A refused stock file: 400 with every bad line listed, so the seller fixes the file in one go. */
@Provider
public class StockImportExceptionMapper implements ExceptionMapper<StockImportException> {

    @Override
    public Response toResponse(StockImportException e) {
        return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new StockImportErrorDto(400, "Bad Request", e.getMessage(), e.errors())).build();
    }
}
