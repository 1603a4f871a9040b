package org.eticket.web.backoffice;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import org.eticket.catalog.Event;
import org.eticket.status.SalesStatusService;

/**
 * Sales status (Figs 32, 33, C9): the vacant-seat map (sold and unsold apart, by colour and by
 * code), sales by seller, by seat type, daily and monthly; each also as a printable PDF.
 */
@Named
@ViewScoped
public class SalesView extends PerformanceScreen {

    private static final long serialVersionUID = 1L;

    @EJB
    transient SalesStatusService status;


    private final PerRequest<SalesStatusService.VacancyMap> vacancy = new PerRequest<>();

    public SalesStatusService.VacancyMap getVacancy() {
        return performanceId == null ? null : vacancy.get(() -> Screens.attempt(() -> status.vacancyMap(performanceId), null));
    }

    public List<SalesStatusService.SellerSales> getBySeller() {
        return eventId == null ? List.of() : Screens.attempt(() -> status.bySeller(eventId, performanceId), null);
    }

    public List<SalesStatusService.SeatTypeSales> getBySeatType() {
        return eventId == null ? List.of() : Screens.attempt(() -> status.bySeatType(eventId, performanceId), null);
    }

    public List<SalesStatusService.PeriodSales> getDaily() {
        return eventId == null ? List.of() : Screens.attempt(() -> status.daily(eventId, performanceId), null);
    }

    public List<SalesStatusService.PeriodSales> getMonthly() {
        return eventId == null ? List.of() : Screens.attempt(() -> status.monthly(eventId, performanceId), null);
    }

    public String money(long minor, String currency) {
        return SeatMaps.money(minor, currency);
    }

    /** The query string for the PDF links: this event and, when chosen, this performance. */
    public String getScope() {
        return "event=" + eventId + (performanceId == null ? "" : "&performance=" + performanceId);
    }

    public String getMapJson() {
        SalesStatusService.VacancyMap map = getVacancy();
        Event e = event();
        if (map == null || e == null) {
            return "null";
        }
        SeatMapData data = SeatMaps.layout(e.getLayout());
        SeatMaps.vacancyLayers(data, map);
        SeatMaps.typeLayerFromCodes(data, map);
        return data.toJson();
    }

}
