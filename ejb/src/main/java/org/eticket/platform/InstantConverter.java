package org.eticket.platform;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Stores an {@link Instant} as a SQL TIMESTAMP. Without it EclipseLink 4.0 on Derby maps
 * Instant to a serialized BLOB, which the database cannot compare, so a query such as
 * "holds expired before now" (or an ORDER BY on a time) fails. Applied to every Instant of
 * every entity, so no time column is ever a BLOB.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Timestamp> {

    @Override
    public Timestamp convertToDatabaseColumn(Instant value) {
        return value == null ? null : Timestamp.from(value);
    }

    @Override
    public Instant convertToEntityAttribute(Timestamp value) {
        return value == null ? null : value.toInstant();
    }
}
