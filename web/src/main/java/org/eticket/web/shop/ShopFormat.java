package org.eticket.web.shop;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How the portal writes money and times for a buyer: amounts in the currency's own units with
 * thousands separators (minor units are stored: 12000 JPY is ¥12,000, 12000 EUR is 120.00), and
 * instants in the platform's zone rather than raw UTC timestamps.
 */
@Named("shopFormat")
@ApplicationScoped
public class ShopFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", Locale.ENGLISH);

    @Inject
    @ConfigProperty(name = "eticket.zone", defaultValue = "Asia/Tokyo")
    String zone;

    public String money(Long minor, String currency) {
        if (minor == null) {
            return "";
        }
        int digits = 2;
        try {
            digits = currency == null ? 2 : Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            // not an ISO 4217 code: two decimals
        }
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(Locale.ENGLISH);
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return (f.format(BigDecimal.valueOf(minor, digits)) + " " + (currency == null ? "" : currency)).strip();
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String time(LocalTime time) {
        return time == null ? "" : TIME.format(time);
    }

    /** An instant in the platform's zone, with the zone named so nobody mistakes it. */
    public String moment(Instant instant) {
        return instant == null ? "" : MOMENT.format(instant.atZone(ZoneId.of(zone))) + " (" + zone + ")";
    }
}
