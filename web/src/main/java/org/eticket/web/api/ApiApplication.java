package org.eticket.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The API's root. Resources and providers are found by scanning, so other API packages of the
 * war join this application. Payara serves the OpenAPI document at {@code /openapi}.
 */
@ApplicationPath("api/v1")
@OpenAPIDefinition(
        info = @Info(title = "E-ticket platform center API", version = "1",
                description = "Masters of the platform center: organizers, venues and seat layouts, events and "
                        + "performances, seat types, sellers and their authorizations, stores, customers, terminals."),
        security = @SecurityRequirement(name = ApiApplication.BASIC_AUTH))
@SecurityScheme(securitySchemeName = ApiApplication.BASIC_AUTH, type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "The platform account's user name and password; the account's role decides what it may do.")
public class ApiApplication extends Application {

    static final String BASIC_AUTH = "basicAuth";
}
