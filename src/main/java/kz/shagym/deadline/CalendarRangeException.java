package kz.shagym.deadline;

/** A working-day computation needs a calendar year that is not loaded: refused, never guessed (HTTP 422). */
public class CalendarRangeException extends DeadlineException {
    private final int year;

    public CalendarRangeException(int year) {
        super("trigger", "no working-day calendar loaded for " + year);
        this.year = year;
    }

    public int year() {
        return year;
    }
}
