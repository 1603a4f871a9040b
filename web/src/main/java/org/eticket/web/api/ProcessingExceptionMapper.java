package org.eticket.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ProcessingException;

/** Jersey wraps a body JSON-B cannot read in a ProcessingException: 400. */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException exception) {
        return ApiErrors.toResponse(exception);
    }
}
