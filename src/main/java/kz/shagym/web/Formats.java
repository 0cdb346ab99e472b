package kz.shagym.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import kz.shagym.deadline.DeadlineCalculator;

/** Dates as lawyers in Kazakhstan write them (dd.MM.yyyy), in Almaty time, with UTC beside where an instant matters. */
public final class Formats {

    public static final ZoneId ALMATY = DeadlineCalculator.ZONE;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private Formats() {
    }

    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public static String almaty(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(ALMATY));
    }

    public static String utc(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(ZoneOffset.UTC)) + " UTC";
    }
}
