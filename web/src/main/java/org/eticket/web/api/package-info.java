/**
 * The JSON API under {@code /api/v1} for sellers' systems, terminal provisioning and tests: each
 * resource calls the EJB services and answers with DTO records, never entities; every error comes
 * back as {@code {"status", "error", "message"}}.
 */
package org.eticket.web.api;
