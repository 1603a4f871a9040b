package org.eticket.catalog;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.eticket.catalog.grid.Cell;
import org.eticket.catalog.grid.CellRanges;
import org.eticket.catalog.grid.GridException;
import org.eticket.platform.ConflictException;
import org.eticket.platform.NotFoundException;
import org.eticket.platform.Strings;
import org.eticket.platform.ValidationException;
import org.eticket.security.AccessService;
import org.eticket.security.Roles;

/**
 * The seat master of an event (C4, Fig 28): seat types with price and colour, each set on
 * ranges of the layout's seats. Two seat types never share a seat.
 */
@Stateless
public class SeatMasterService {

    private static final Pattern TYPE_CODE = Pattern.compile("[A-Z0-9]{1,8}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public record SeatTypeData(String code, String name, Long price, String currency, String colour) {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    AccessService access;

    @EJB
    EventService events;

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public List<SeatType> seatTypes(Long eventId) {
        Event e = events.get(eventId);
        return em.createQuery("select t from SeatType t where t.event = :e order by t.code", SeatType.class)
                .setParameter("e", e).getResultList();
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public SeatType create(Long eventId, SeatTypeData data) {
        Event e = events.get(eventId);
        String code = typeCode(data);
        if (find(e, code) != null) {
            throw new ConflictException("event " + e.getCode() + " already has seat type " + code);
        }
        SeatType t = new SeatType(e, code, null, 0, null, null);
        apply(t, data);
        em.persist(t);
        return t;
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public SeatType get(Long eventId, String code) {
        Event e = events.get(eventId);
        SeatType t = find(e, code == null ? null : code.toUpperCase(Locale.ROOT));
        if (t == null) {
            throw new NotFoundException("event " + e.getCode() + " has no seat type " + code);
        }
        return t;
    }

    /** Changes name, price, currency and colour; the code stays. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public SeatType update(Long eventId, String code, SeatTypeData data) {
        SeatType t = get(eventId, code);
        if (data != null && data.code() != null && !data.code().strip().equalsIgnoreCase(t.getCode())) {
            throw new ValidationException("a seat type's code cannot change (" + t.getCode() + "); create a new type");
        }
        apply(t, data);
        return t;
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public void delete(Long eventId, String code) {
        em.remove(get(eventId, code));
    }

    /**
     * Sets the seats of one type to the given ranges (empty clears them). Refused, with the
     * overlapping cells named, when another type of the event already has any of them.
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public SeatType assign(Long eventId, String code, String ranges) {
        SeatType t = get(eventId, code);
        Event e = t.getEvent();
        // Serialise seat-master edits of one event so two concurrent edits cannot both pass the overlap check.
        em.lock(e, LockModeType.PESSIMISTIC_WRITE);
        if (ranges == null || ranges.isBlank()) {
            t.assign("", 0);
            return t;
        }
        CellRanges wanted = VenueService.parseOnLayout(e.getLayout(), ranges, "seat type " + t.getCode());
        for (SeatType other : seatTypes(eventId)) {
            if (other.getId().equals(t.getId()) || other.getRanges().isBlank()) {
                continue;
            }
            CellRanges overlap = wanted.intersection(CellRanges.parse(other.getRanges()));
            if (!overlap.isEmpty()) {
                throw new ConflictException("seat types " + t.getCode() + " and " + other.getCode()
                        + " overlap at " + CellRanges.fromCells(overlap.cells()).label());
            }
        }
        VenueService.assignSeats(t, wanted);
        return t;
    }

    /**
     * The seats in {@code ranges} take seat type {@code code}, or no type when {@code code} is
     * null, leaving whatever type they had: one transaction, so a refusal changes nothing.
     * Aisles inside the ranges are skipped (a dragged rectangle on the map covers them).
     *
     * @return how many seats the ranges cover
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public int paint(Long eventId, String code, String ranges) {
        Event e = events.get(eventId);
        SeatType target = code == null ? null : get(eventId, code);
        em.lock(e, LockModeType.PESSIMISTIC_WRITE);
        CellRanges picked;
        try {
            picked = CellRanges.parse(ranges).checkWithin(e.getLayout().getRows(), e.getLayout().getColumns());
        } catch (GridException bad) {
            throw new ValidationException("selection: " + bad.getMessage());
        }
        Set<Cell> seats = new HashSet<>(CellRanges.parse(e.getLayout().getSeatRanges()).cells());
        Set<Cell> selected = new HashSet<>(picked.cells());
        selected.retainAll(seats);
        if (selected.isEmpty()) {
            throw new ValidationException("the selection " + picked.label() + " holds no seat of layout \""
                    + e.getLayout().getName() + "\"");
        }
        for (SeatType t : seatTypes(eventId)) {
            List<Cell> cells = t.getRanges().isBlank() ? List.of() : CellRanges.parse(t.getRanges()).cells();
            List<Cell> kept = cells.stream().filter(c -> !selected.contains(c)).toList();
            if (t == target) {
                Set<Cell> joined = new HashSet<>(kept);
                joined.addAll(selected);
                VenueService.assignSeats(t, CellRanges.fromCells(joined));
            } else if (kept.size() != cells.size()) {
                VenueService.assignSeats(t, CellRanges.fromCells(kept));
            }
        }
        return selected.size();
    }

    private SeatType find(Event e, String code) {
        return em.createQuery("select t from SeatType t where t.event = :e and t.code = :c", SeatType.class)
                .setParameter("e", e).setParameter("c", code).getResultStream().findFirst().orElse(null);
    }

    private static String typeCode(SeatTypeData data) {
        if (data == null) {
            throw new ValidationException("seat type data is required");
        }
        String code = Strings.required("code", data.code(), 8).toUpperCase(Locale.ROOT);
        if (!TYPE_CODE.matcher(code).matches()) {
            throw new ValidationException("seat type code \"" + data.code() + "\" must be 1-8 letters or digits, e.g. S or A");
        }
        return code;
    }

    private static void apply(SeatType t, SeatTypeData data) {
        if (data == null) {
            throw new ValidationException("seat type data is required");
        }
        t.setName(Strings.required("name", data.name(), 100));
        if (data.price() == null || data.price() < 0) {
            throw new ValidationException("price is required, in minor units (e.g. cents), 0 or more");
        }
        t.setPrice(data.price());
        String currency = data.currency() == null ? "JPY" : data.currency().strip().toUpperCase(Locale.ROOT);
        if (!CURRENCY.matcher(currency).matches()) {
            throw new ValidationException("currency \"" + data.currency() + "\" is not a three-letter ISO 4217 code");
        }
        t.setCurrency(currency);
        t.setColour(Strings.colour("colour", data.colour()));
    }
}
