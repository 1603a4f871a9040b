package org.eticket.web.api;

import java.time.LocalDate;
import java.util.List;

/** A series by its dates alone: times and gates come from templateId, or else the event's latest performance. */
public record SeriesRequest(Long templateId, List<LocalDate> dates) {
}
