package org.eticket.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ejb.EJBException;

/** The container's wrapper: judged by its cause; a refused role (EJBAccessException) is 403. */
@Provider
public class EjbExceptionMapper implements ExceptionMapper<EJBException> {

    @Override
    public Response toResponse(EJBException exception) {
        return ApiErrors.toResponse(exception);
    }
}
