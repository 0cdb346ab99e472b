package kz.shagym.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import kz.shagym.deadline.DeadlineCalculator;

/** When a mail of a given day goes out: a set local time in Almaty, plus a stable per-mail share of the spread window. */
final class SendTimes {

    private SendTimes() {
    }

    /**
     * The same key always lands on the same minute (so re-planning never moves a row), while different deadlines and
     * recipients fall on different minutes and the SMTP server is not handed a morning's mail at once.
     */
    static Instant at(LocalDate day, LocalTime time, Duration spread, String key) {
        long window = Math.max(spread.toMinutes(), 1);
        long minutes = spread.isZero() ? 0 : Math.floorMod(key.hashCode(), window);
        return day.atTime(time).atZone(DeadlineCalculator.ZONE).toInstant().plus(Duration.ofMinutes(minutes));
    }

    static LocalDate localDay(Instant instant) {
        return instant.atZone(DeadlineCalculator.ZONE).toLocalDate();
    }
}
