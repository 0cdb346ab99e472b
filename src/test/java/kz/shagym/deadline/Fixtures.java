package kz.shagym.deadline;

import java.nio.file.Path;

/** The real config (surefire runs in the repo root), loaded once for all tests. */
final class Fixtures {
    static final Path CONFIG = Path.of("config");
    static final RuleCatalog CATALOG = RuleCatalog.load(CONFIG.resolve("deadline-rules"));
    static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.load(CONFIG.resolve("calendars/kz"));
    static final DeadlineCalculator CALCULATOR = new DeadlineCalculator(CATALOG, CALENDAR);

    private Fixtures() {}
}
