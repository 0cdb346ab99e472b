package kz.shagym.deadline;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Kazakhstan moved to a single zone, UTC+5, on 2024-03-01. A JVM whose tz database predates that change would
 * shift every post-2024 deadline by an hour (and some by a day), so we refuse to start on it.
 */
public final class TimeZoneCheck {
    static final Instant AFTER_CHANGE = Instant.parse("2024-03-02T12:00:00Z");
    static final Instant BEFORE_CHANGE = Instant.parse("2024-02-28T12:00:00Z");

    private TimeZoneCheck() {}

    public static void verify(ZoneId zone) {
        ZoneOffset after = zone.getRules().getOffset(AFTER_CHANGE);
        ZoneOffset before = zone.getRules().getOffset(BEFORE_CHANGE);
        if (!after.equals(ZoneOffset.ofHours(5)) || !before.equals(ZoneOffset.ofHours(6))) {
            throw new IllegalStateException("The JVM time-zone database is too old: " + zone + " must be UTC+6 before "
                    + "2024-03-01 and UTC+5 after (found " + before + " / " + after + "). Update the JDK or run the "
                    + "tzupdater tool (tzdata 2024a or later) before computing Kazakh deadlines.");
        }
    }
}
