package org.eticket.web.backoffice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eticket.catalog.LayoutMark;
import org.eticket.catalog.SeatLayout;
import org.eticket.catalog.SeatType;
import org.eticket.catalog.grid.CellRanges;
import org.eticket.status.SalesStatusService;

/** The colourings the screens share: by seat type, by attribute, by seller and by sale state (Figs 28-33). */
final class SeatMaps {

    /** Sale states as the vacant-seat map shows them (Fig 32): sold and unsold apart, in words too. */
    /** In the order of {@link SalesStatusService.Vacancy}. */
    static final List<SeatMapData.Entry> STATES = List.of(
            new SeatMapData.Entry("F", "free (with the organizer)", "#e8e8e8"),
            new SeatMapData.Entry("U", "unsold (in a seller's stock)", "#56b4e9"),
            new SeatMapData.Entry("R", "return requested", "#cc79a7"),
            new SeatMapData.Entry("H", "held at checkout", "#f0e442"),
            new SeatMapData.Entry("X", "sold", "#d55e00"),
            new SeatMapData.Entry("V", "void", "#555555"),
            new SeatMapData.Entry("O", "another seller's", "#b0b0b0"));

    private SeatMaps() {
    }

    static SeatMapData layout(SeatLayout layout) {
        return SeatMapData.of(layout.getRows(), layout.getColumns(), layout.getSeatRanges());
    }

    static void typeLayer(SeatMapData data, List<SeatType> types) {
        if (types == null) {
            return;
        }
        List<SeatMapData.Entry> entries = new ArrayList<>();
        for (SeatType t : types) {
            entries.add(new SeatMapData.Entry(t.getCode(), t.getName() + " " + money(t.getPrice(), t.getCurrency()),
                    t.getColour() == null ? SeatMapData.PALETTE.get(entries.size() % SeatMapData.PALETTE.size()) : t.getColour()));
        }
        data.layer("type", entries);
        for (int i = 0; i < types.size(); i++) {
            if (!types.get(i).getRanges().isBlank()) {
                data.mark("type", i, CellRanges.parse(types.get(i).getRanges()));
            }
        }
    }

    static void attributeLayer(SeatMapData data, List<LayoutMark> marks) {
        List<LayoutMark> attributes = marks.stream().filter(m -> m.getKind() == LayoutMark.Kind.ATTRIBUTE).toList();
        if (attributes.isEmpty()) {
            return;
        }
        List<SeatMapData.Entry> entries = new ArrayList<>();
        for (LayoutMark m : attributes) {
            entries.add(new SeatMapData.Entry(m.getName().substring(0, 1).toUpperCase(), m.getName(),
                    SeatMapData.PALETTE.get((entries.size() + 5) % SeatMapData.PALETTE.size())));
        }
        data.layer("attribute", entries);
        for (int i = 0; i < attributes.size(); i++) {
            data.mark("attribute", i, CellRanges.parse(attributes.get(i).getRanges()));
        }
    }

    /**
     * Seller and sale-state colourings from the vacant-seat map (Figs 30, 32): who holds each seat,
     * and whether it is free, unsold in a seller's stock, held, sold or being returned.
     */
    static void vacancyLayers(SeatMapData data, SalesStatusService.VacancyMap map) {
        Map<Long, Integer> sellerIndex = new HashMap<>();
        List<SeatMapData.Entry> entries = new ArrayList<>();
        for (SalesStatusService.SellerRef s : map.sellers()) {
            sellerIndex.put(s.id(), entries.size());
            entries.add(new SeatMapData.Entry(s.code(), s.name(), SeatMapData.PALETTE.get(entries.size() % SeatMapData.PALETTE.size())));
        }
        data.layer("seller", entries);
        // "another seller's" only on a seller's map, whose counts name it
        data.layer("state", STATES.subList(0, map.counts().containsKey(SalesStatusService.Vacancy.ELSEWHERE.name())
                ? STATES.size() : STATES.size() - 1));
        for (SalesStatusService.SeatStatus s : map.seats()) {
            Integer k = s.sellerId() == null ? null : sellerIndex.get(s.sellerId());
            if (k != null) {
                data.mark("seller", k, s.row(), s.column());
            }
            data.mark("state", s.status().ordinal(), s.row(), s.column());
        }
    }

    /** Seat types by code when the caller may not read the seat master (a seller): colours from the palette. */
    static void typeLayerFromCodes(SeatMapData data, SalesStatusService.VacancyMap map) {
        List<String> codes = map.seats().stream().map(SalesStatusService.SeatStatus::seatType).filter(java.util.Objects::nonNull)
                .distinct().sorted().toList();
        List<SeatMapData.Entry> entries = new ArrayList<>();
        for (String code : codes) {
            entries.add(new SeatMapData.Entry(code, "seat type " + code, SeatMapData.PALETTE.get(entries.size() % SeatMapData.PALETTE.size())));
        }
        data.layer("type", entries);
        for (SalesStatusService.SeatStatus s : map.seats()) {
            if (s.seatType() != null) {
                data.mark("type", codes.indexOf(s.seatType()), s.row(), s.column());
            }
        }
    }

    /** Minor units as the currency writes them: 12000 JPY is 12000, 12000 EUR is 120.00. */
    static String money(long minor, String currency) {
        int digits = 2;
        try {
            digits = currency == null ? 2 : Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            // not an ISO 4217 code: show two decimals
        }
        java.math.BigDecimal amount = java.math.BigDecimal.valueOf(minor, digits);
        return (amount.toPlainString() + " " + (currency == null ? "" : currency)).strip();
    }
}
