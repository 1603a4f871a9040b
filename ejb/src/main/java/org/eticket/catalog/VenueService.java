package org.eticket.catalog;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.eticket.catalog.grid.Cell;
import org.eticket.catalog.grid.CellRange;
import org.eticket.catalog.grid.CellRanges;
import org.eticket.catalog.grid.GridException;
import org.eticket.catalog.grid.LayoutCsv;
import org.eticket.platform.ConflictException;
import org.eticket.platform.NotFoundException;
import org.eticket.platform.Page;
import org.eticket.platform.Strings;
import org.eticket.platform.ValidationException;
import org.eticket.security.AccessService;
import org.eticket.security.Roles;

/**
 * The venue master and its seat layouts (C2, Figs 25, 26): several layouts per venue,
 * each a grid whose seats are given as cell ranges, with seat attributes (wheelchair
 * space, ...) marked on ranges.
 */
@Stateless
public class VenueService {

    public static final int MAX_ROWS = 2000;
    public static final int MAX_COLUMNS = 2000;
    private static final Pattern ATTRIBUTE = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public record VenueData(String code, String name, String address) {
    }

    public record LayoutData(String name, Integer rows, Integer columns, String seatRanges) {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    AccessService access;

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public Venue create(VenueData data) {
        AccessService.Caller c = access.caller();
        Organizer by = c.isAdmin() ? null : em.find(Organizer.class, c.partyId());
        Venue v = new Venue(null, null, by);
        apply(v, data);
        em.persist(v);
        return v;
    }

    /** Venues are shared: every organizer may look them up to hold events there. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public Venue get(Long id) {
        return find(id);
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public Venue update(Long id, VenueData data) {
        Venue v = find(id);
        access.checkVenueWrite(v);
        apply(v, data);
        return v;
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public void delete(Long id) {
        Venue v = find(id);
        access.checkVenueWrite(v);
        long events = em.createQuery("select count(e) from Event e where e.layout.venue = :v", Long.class)
                .setParameter("v", v).getSingleResult();
        if (events > 0) {
            throw new ConflictException("venue " + v.getCode() + " is used by " + events + " event(s)");
        }
        em.createQuery("delete from LayoutMark m where m.layout.venue = :v").setParameter("v", v).executeUpdate();
        em.createQuery("delete from SeatLayout l where l.venue = :v").setParameter("v", v).executeUpdate();
        em.remove(v);
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public Page<Venue> search(String text, int page, int size) {
        Page.check(page, size);
        String where = " where lower(v.name) like :t escape '\\' or lower(v.code) like :t escape '\\'";
        long total = em.createQuery("select count(v) from Venue v" + where, Long.class)
                .setParameter("t", Strings.like(text)).getSingleResult();
        List<Venue> items = em.createQuery("select v from Venue v" + where + " order by v.code", Venue.class)
                .setParameter("t", Strings.like(text)).setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Page<>(items, total, page, size);
    }

    // ---- seat layouts -------------------------------------------------------------------

    /** A new layout; without seat ranges every cell of the grid is a seat. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public SeatLayout createLayout(Long venueId, LayoutData data) {
        Venue venue = find(venueId);
        AccessService.Caller c = access.caller();
        Organizer owner = c.isAdmin() ? null : em.find(Organizer.class, c.partyId());
        if (data == null) {
            throw new ValidationException("layout data is required");
        }
        int rows = Strings.positive("rows", data.rows(), MAX_ROWS);
        int columns = Strings.positive("columns", data.columns(), MAX_COLUMNS);
        SeatLayout layout = new SeatLayout(venue, layoutName(venue, data.name(), null), rows, columns, owner);
        setSeats(layout, data.seatRanges());
        em.persist(layout);
        return layout;
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public SeatLayout getLayout(Long layoutId) {
        SeatLayout layout = findLayout(layoutId);
        access.checkLayoutRead(layout);
        return layout;
    }

    /** Layouts of a venue the caller may see: the platform's, its own, and those its events use. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public List<SeatLayout> layouts(Long venueId) {
        Venue venue = find(venueId);
        Long scope = access.organizerScope();
        if (scope == null) {
            return em.createQuery("select l from SeatLayout l where l.venue = :v order by l.name", SeatLayout.class)
                    .setParameter("v", venue).getResultList();
        }
        return em.createQuery("select l from SeatLayout l left join l.owner ow where l.venue = :v and (ow is null or ow.id = :o or exists "
                        + "(select e from Event e where e.layout = l and e.organizer.id = :o)) order by l.name", SeatLayout.class)
                .setParameter("v", venue).setParameter("o", scope).getResultList();
    }

    /**
     * Imports a layout from a CSV export of a drawing (one line per seat: row, column, seat
     * type, attributes). Every bad line is reported by number and nothing is imported when
     * any line is bad. Without rows/columns the grid is the smallest that holds every seat.
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public SeatLayout importLayout(Long venueId, String name, Integer rows, Integer columns, String csv) {
        Venue venue = find(venueId);
        if (csv == null || csv.isBlank()) {
            throw new ValidationException("the CSV file is empty");
        }
        if ((rows == null) != (columns == null)) {
            throw new ValidationException("give both rows and columns, or neither");
        }
        LayoutCsv.Result result = rows == null ? LayoutCsv.parse(csv)
                : LayoutCsv.parse(csv, Strings.positive("rows", rows, MAX_ROWS), Strings.positive("columns", columns, MAX_COLUMNS));
        if (!result.isValid()) {
            throw new ValidationException(result.summary());
        }
        List<LayoutCsv.Seat> seats = result.seats();
        if (seats.isEmpty()) {
            throw new ValidationException("the CSV file lists no seats");
        }
        int gridRows = rows != null ? rows : seats.stream().mapToInt(s -> s.cell().row()).max().orElseThrow();
        int gridColumns = columns != null ? columns : seats.stream().mapToInt(s -> s.cell().column()).max().orElseThrow();
        if (gridRows > MAX_ROWS || gridColumns > MAX_COLUMNS) {
            throw new ValidationException("the drawing spans " + gridRows + " rows x " + gridColumns
                    + " columns; a layout holds at most " + MAX_ROWS + " x " + MAX_COLUMNS);
        }
        AccessService.Caller c = access.caller();
        Organizer owner = c.isAdmin() ? null : em.find(Organizer.class, c.partyId());
        SeatLayout layout = new SeatLayout(venue, layoutName(venue, name, null), gridRows, gridColumns, owner);
        CellRanges all = CellRanges.fromCells(seats.stream().map(LayoutCsv.Seat::cell).toList());
        layout.setSeats(all.label(), Math.toIntExact(all.size()));
        em.persist(layout);
        result.rangesBySeatType().forEach((type, ranges) ->
                em.persist(new LayoutMark(layout, LayoutMark.Kind.SEAT_TYPE, type, ranges.normalized().label())));
        Map<String, List<Cell>> byAttribute = new TreeMap<>();
        seats.forEach(s -> s.attributes().forEach(a -> byAttribute.computeIfAbsent(a, k -> new ArrayList<>()).add(s.cell())));
        byAttribute.forEach((attribute, cells) ->
                em.persist(new LayoutMark(layout, LayoutMark.Kind.ATTRIBUTE, attribute, CellRanges.fromCells(cells).label())));
        return layout;
    }

    /** Renames, resizes or redraws a layout; the grid and seats are frozen once an event uses it. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public SeatLayout updateLayout(Long layoutId, LayoutData data) {
        SeatLayout layout = findLayout(layoutId);
        access.checkLayoutWrite(layout);
        if (data == null) {
            throw new ValidationException("layout data is required");
        }
        layout.setName(layoutName(layout.getVenue(), data.name(), layout.getId()));
        int rows = data.rows() == null ? layout.getRows() : Strings.positive("rows", data.rows(), MAX_ROWS);
        int columns = data.columns() == null ? layout.getColumns() : Strings.positive("columns", data.columns(), MAX_COLUMNS);
        boolean seatsChange = rows != layout.getRows() || columns != layout.getColumns() || data.seatRanges() != null;
        if (seatsChange) {
            String usedBy = usedBy(layout);
            if (usedBy != null) {
                throw new ConflictException("seat layout \"" + layout.getName() + "\" is used by event " + usedBy
                        + "; its seats cannot change (create a new layout instead)");
            }
            layout.resize(rows, columns);
            setSeats(layout, data.seatRanges() != null ? data.seatRanges() : layout.getSeatRanges());
            for (LayoutMark mark : marks(layout)) {
                parseOnLayout(layout, mark.getRanges(), mark.getName());
            }
        }
        return layout;
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public void deleteLayout(Long layoutId) {
        SeatLayout layout = findLayout(layoutId);
        access.checkLayoutWrite(layout);
        String usedBy = usedBy(layout);
        if (usedBy != null) {
            throw new ConflictException("seat layout \"" + layout.getName() + "\" is used by event " + usedBy);
        }
        em.createQuery("delete from LayoutMark m where m.layout = :l").setParameter("l", layout).executeUpdate();
        em.remove(layout);
    }

    /** Marks an attribute (wheelchair space, ...) on ranges of seats; empty ranges remove it (C4). */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public SeatLayout setAttribute(Long layoutId, String attribute, String ranges) {
        SeatLayout layout = findLayout(layoutId);
        access.checkLayoutWrite(layout);
        String name = attribute == null ? "" : attribute.strip().toLowerCase(Locale.ROOT);
        if (!ATTRIBUTE.matcher(name).matches()) {
            throw new ValidationException("attribute \"" + attribute + "\" must be a word of letters, digits and '-', e.g. wheelchair");
        }
        LayoutMark mark = marks(layout).stream()
                .filter(m -> m.getKind() == LayoutMark.Kind.ATTRIBUTE && m.getName().equals(name)).findFirst().orElse(null);
        if (ranges == null || ranges.isBlank()) {
            if (mark != null) {
                em.remove(mark);
            }
            return layout;
        }
        String label = parseOnLayout(layout, ranges, "attribute " + name).label();
        if (mark == null) {
            em.persist(new LayoutMark(layout, LayoutMark.Kind.ATTRIBUTE, name, label));
        } else {
            mark.setRanges(label);
        }
        return layout;
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public List<LayoutMark> marks(Long layoutId) {
        return marks(getLayout(layoutId));
    }

    List<LayoutMark> marks(SeatLayout layout) {
        return em.createQuery("select m from LayoutMark m where m.layout = :l order by m.kind, m.name", LayoutMark.class)
                .setParameter("l", layout).getResultList();
    }

    /**
     * Parses ranges and checks they lie on the layout's seats: a malformed range, a range
     * off the grid, or one that covers an aisle is refused with the reason.
     */
    public static CellRanges parseOnLayout(SeatLayout layout, String text, String what) {
        CellRanges ranges;
        try {
            ranges = CellRanges.parse(text).checkWithin(layout.getRows(), layout.getColumns());
        } catch (GridException e) {
            throw new ValidationException(what + ": " + e.getMessage());
        }
        CellRanges seats = CellRanges.parse(layout.getSeatRanges());
        Set<Cell> seatCells = new HashSet<>(seats.cells());
        List<Cell> off = ranges.cells().stream().filter(cell -> !seatCells.contains(cell)).toList();
        if (!off.isEmpty()) {
            throw new ValidationException(what + ": " + CellRanges.fromCells(off).label() + " are not seats on layout \""
                    + layout.getName() + "\"");
        }
        return ranges;
    }

    Venue find(Long id) {
        Venue v = id == null ? null : em.find(Venue.class, id);
        if (v == null) {
            throw new NotFoundException("venue " + id + " does not exist");
        }
        return v;
    }

    SeatLayout findLayout(Long id) {
        SeatLayout l = id == null ? null : em.find(SeatLayout.class, id);
        if (l == null) {
            throw new NotFoundException("seat layout " + id + " does not exist");
        }
        return l;
    }

    private String usedBy(SeatLayout layout) {
        return em.createQuery("select e.code from Event e where e.layout = :l order by e.code", String.class)
                .setParameter("l", layout).setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    /** Sets a layout's seats; null or blank means every cell of the grid. */
    public static void setSeats(SeatLayout layout, String seatRanges) {
        CellRanges seats;
        try {
            seats = seatRanges == null || seatRanges.isBlank()
                    ? CellRanges.of(CellRange.of(Cell.of(1, 1), Cell.of(layout.getRows(), layout.getColumns())))
                    : CellRanges.parse(seatRanges).checkWithin(layout.getRows(), layout.getColumns());
            CellRanges canonical = seats.normalized();
            layout.setSeats(canonical.label(), Math.toIntExact(canonical.size()));
        } catch (GridException e) {
            throw new ValidationException("seats: " + e.getMessage());
        }
    }

    /** Stores ranges on a seat type in their canonical form, with the seat count. */
    public static void assignSeats(SeatType type, CellRanges ranges) {
        CellRanges canonical = CellRanges.fromCells(ranges.cells());
        type.assign(canonical.label(), Math.toIntExact(canonical.size()));
    }

    private String layoutName(Venue venue, String name, Long selfId) {
        String n = Strings.required("name", name, 100);
        boolean taken = em.createQuery("select count(l) from SeatLayout l where l.venue = :v and l.name = :n and l.id <> :self", Long.class)
                .setParameter("v", venue).setParameter("n", n).setParameter("self", selfId == null ? -1L : selfId)
                .getSingleResult() > 0;
        if (taken) {
            throw new ConflictException("venue " + venue.getCode() + " already has a layout named \"" + n + "\"");
        }
        return n;
    }

    private void apply(Venue v, VenueData data) {
        if (data == null) {
            throw new ValidationException("venue data is required");
        }
        String code = Strings.code("code", data.code());
        boolean taken = em.createQuery("select count(v) from Venue v where v.code = :c and v.id <> :self", Long.class)
                .setParameter("c", code).setParameter("self", v.getId() == null ? -1L : v.getId()).getSingleResult() > 0;
        if (taken) {
            throw new ConflictException("venue code " + code + " is already taken");
        }
        v.setCode(code);
        v.setName(Strings.required("name", data.name(), 200));
        v.setAddress(Strings.optional("address", data.address(), 500));
    }
}
