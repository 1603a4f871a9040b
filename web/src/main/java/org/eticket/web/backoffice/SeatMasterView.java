package org.eticket.web.backoffice;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.eticket.catalog.Event;
import org.eticket.catalog.EventService;
import org.eticket.catalog.LayoutMark;
import org.eticket.catalog.SeatLayout;
import org.eticket.catalog.SeatMasterService;
import org.eticket.catalog.SeatType;
import org.eticket.catalog.VenueService;
import org.eticket.catalog.grid.CellRanges;

/**
 * The seat master (Fig 28): seat types (S, A, ...) with price and colour, and seat attributes, set
 * by selecting ranges on the map; the map shows each seat's type by colour and by its code.
 */
@Named
@ViewScoped
public class SeatMasterView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient EventService events;
    @EJB
    transient SeatMasterService seatMaster;
    @EJB
    transient VenueService venues;

    private Long eventId;
    private String typeCode;
    private String typeName;
    private Long price;
    private String currency = "EUR";
    private String colour = "#0072b2";
    private String assignCode;
    private String attribute = "wheelchair";
    private String selection;

    public List<Event> getEventList() {
        return Screens.attempt(() -> events.search(null, 0, 200).items(), null);
    }

    public Event getEvent() {
        return eventId == null ? null : Screens.attempt(() -> events.get(eventId), null);
    }

    public List<SeatType> getSeatTypes() {
        return eventId == null ? List.of() : Screens.attempt(() -> seatMaster.seatTypes(eventId), null);
    }

    public void chooseEvent() {
        selection = null;
        List<SeatType> types = getSeatTypes();
        assignCode = types == null || types.isEmpty() ? null : types.get(0).getCode();
    }

    public void createType() {
        if (eventId == null) {
            Screens.error("Choose an event first.");
            return;
        }
        String c = colour == null || colour.startsWith("#") ? colour : "#" + colour;
        if (Screens.run(() -> seatMaster.create(eventId, new SeatMasterService.SeatTypeData(typeCode, typeName, price, currency, c)),
                "Seat type " + typeCode + " created.")) {
            assignCode = typeCode;
            typeCode = typeName = null;
            price = null;
        }
    }

    public void deleteType(SeatType t) {
        Screens.run(() -> seatMaster.delete(eventId, t.getCode()), "Seat type " + t.getCode() + " deleted.");
    }

    /**
     * The selected seats become type {@code assignCode}, leaving any other type, in one service
     * call (a refusal changes nothing). Aisles in the selection are skipped.
     */
    public void assignType() {
        if (getEvent() == null || !hasSelection() || assignCode == null) {
            if (assignCode == null && getEvent() != null) {
                Screens.error("Create a seat type first.");
            }
            return;
        }
        Integer seats = Screens.attempt(() -> seatMaster.paint(eventId, assignCode, selection), null);
        if (seats != null) {
            Screens.info(seats + " seat(s) set to type " + assignCode + ".");
            selection = null;
        }
    }

    /** The selected seats get no seat type. */
    public void clearType() {
        if (getEvent() == null || !hasSelection()) {
            return;
        }
        if (Screens.attempt(() -> seatMaster.paint(eventId, null, selection), null) != null) {
            Screens.info("Seat types removed from " + selection + ".");
            selection = null;
        }
    }

    /** Adds the selected seats to an attribute of the event's layout (wheelchair space, ...). */
    public void markAttribute() {
        Event e = getEvent();
        if (e == null || !hasSelection()) {
            return;
        }
        SeatLayout layout = e.getLayout();
        String existing = Screens.attempt(() -> venues.marks(layout.getId()).stream()
                .filter(m -> m.getKind() == LayoutMark.Kind.ATTRIBUTE && m.getName().equalsIgnoreCase(attribute.strip()))
                .map(LayoutMark::getRanges).findFirst().orElse(""), null);
        CellRanges selected = Screens.attempt(() -> CellRanges.parse(selection), null);
        if (existing == null || selected == null) {
            return;
        }
        String next = SeatMaps.layout(layout).rangesWith(existing, selected, true);
        if (Screens.run(() -> venues.setAttribute(layout.getId(), attribute, next), "Attribute " + attribute + " set on " + selection + ".")) {
            selection = null;
        }
    }

    public String getMapJson() {
        Event e = getEvent();
        if (e == null) {
            return "null";
        }
        SeatMapData data = SeatMaps.layout(e.getLayout());
        SeatMaps.typeLayer(data, getSeatTypes());
        List<LayoutMark> marks = Screens.attempt(() -> venues.marks(e.getLayout().getId()), null);
        SeatMaps.attributeLayer(data, marks == null ? List.of() : marks);
        return data.toJson();
    }

    private boolean hasSelection() {
        if (selection == null || selection.isBlank()) {
            Screens.error("Select seats on the map first (click, drag, keyboard or a typed range).");
            return false;
        }
        return true;
    }

    public Long getEventId() { return eventId; }
    public void setEventId(Long eventId) { this.eventId = eventId; }
    public String getTypeCode() { return typeCode; }
    public void setTypeCode(String typeCode) { this.typeCode = typeCode; }
    public String getTypeName() { return typeName; }
    public void setTypeName(String typeName) { this.typeName = typeName; }
    public Long getPrice() { return price; }
    public void setPrice(Long price) { this.price = price; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public String getColour() { return colour; }
    public void setColour(String colour) { this.colour = colour; }
    public String getAssignCode() { return assignCode; }
    public void setAssignCode(String assignCode) { this.assignCode = assignCode; }
    public String getAttribute() { return attribute; }
    public void setAttribute(String attribute) { this.attribute = attribute; }
    public String getSelection() { return selection; }
    public void setSelection(String selection) { this.selection = selection; }
}
