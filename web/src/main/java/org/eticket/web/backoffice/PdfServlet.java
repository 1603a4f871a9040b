package org.eticket.web.backoffice;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.eticket.allocation.AllocationService;
import org.eticket.allocation.StockService;
import org.eticket.status.SalesStatusService;

/**
 * The printable reports behind the screens' "Print (PDF)" links: an allocation (Fig 31), the sales
 * status reports (Figs 32, 33) and a seller's registration report. Plain GET links, so a browser can
 * open, save or print them; the services check role and ownership as for the screens.
 */
@WebServlet("/app/backoffice/pdf/*")
public class PdfServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient AllocationService allocations;
    @EJB
    transient SalesStatusService status;
    @EJB
    transient StockService stock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = request.getPathInfo() == null ? new String[0] : request.getPathInfo().substring(1).split("/");
        byte[] pdf;
        String name;
        try {
            if (path.length == 2 && path[0].equals("allocation")) {
                Long id = Long.valueOf(path[1]);
                pdf = allocations.reportPdf(id);
                name = "allocation-" + id + ".pdf";
            } else if (path.length == 2 && path[0].equals("sales")) {
                SalesStatusService.Report report = SalesStatusService.Report.valueOf(path[1].toUpperCase(Locale.ROOT).replace('-', '_'));
                pdf = status.reportPdf(report, number(request, "event"), number(request, "performance"));
                name = "sales-" + path[1].toLowerCase(Locale.ROOT) + ".pdf";
            } else if (path.length == 1 && path[0].equals("registration")) {
                pdf = stock.registrationReportPdf(number(request, "performance"), number(request, "seller"));
                name = "registration-report.pdf";
            } else {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "no such report");
                return;
            }
        } catch (IllegalArgumentException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "bad report address: " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            response.sendError(Screens.httpStatus(e), Screens.message(e));
            return;
        }
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "inline; filename=\"" + name + "\"");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }

    private static Long number(HttpServletRequest request, String name) {
        String v = request.getParameter(name);
        return v == null || v.isBlank() ? null : Long.valueOf(v.strip());
    }
}
