package org.eticket.web.api;

import jakarta.ws.rs.core.Response;

/** Answers that are files: a PDF report, an exported stock file. */
final class Downloads {

    static final String PDF = "application/pdf";

    private Downloads() {
    }

    /** Shown in the browser (inline), saved under {@code filename} when downloaded. */
    static Response file(byte[] body, String type, String filename) {
        return Response.ok(body, type).header("Content-Disposition", "inline; filename=\"" + filename + "\"").build();
    }
}
