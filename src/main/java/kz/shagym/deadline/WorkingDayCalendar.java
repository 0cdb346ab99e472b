package kz.shagym.deadline;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Kazakhstan's five-day-week production calendar, one YAML file per year. Precomputed into a bit set over epoch
 * days so that {@link #isWorkingDay} is a range check plus one bit lookup.
 */
public final class WorkingDayCalendar {

    /** The kinds of calendar entries; all but WORKING_SATURDAY make the date a day off. */
    public enum Kind { HOLIDAY, MOVED_DAY_OFF, RELIGIOUS, TRANSFER_DAY_OFF, WORKING_SATURDAY }

    /** One dated entry of a calendar year, with the law or resolution it rests on. */
    public record Entry(LocalDate date, Kind kind, Localized name, String basis, Confidence confidence, String note) {
        boolean dayOff() {
            return kind != Kind.WORKING_SATURDAY;
        }
    }

    static final Localized SATURDAY = new Localized("суббота (выходной день)", "сенбі (демалыс күні)", "Saturday (weekend)");
    static final Localized SUNDAY = new Localized("воскресенье (выходной день)", "жексенбі (демалыс күні)", "Sunday (weekend)");

    private final int firstYear;
    private final boolean[] loaded;
    private final long baseEpochDay;
    private final BitSet nonWorking;
    private final Map<LocalDate, Entry> entries;
    private final Map<Integer, Path> sources;

    private WorkingDayCalendar(int firstYear, int lastYear, Map<Integer, List<Entry>> byYear, Map<Integer, Path> sources) {
        this.firstYear = firstYear;
        this.loaded = new boolean[lastYear - firstYear + 1];
        this.baseEpochDay = LocalDate.of(firstYear, 1, 1).toEpochDay();
        this.nonWorking = new BitSet();
        this.entries = new HashMap<>();
        this.sources = Collections.unmodifiableMap(sources);
        byYear.forEach((year, list) -> fillYear(year, list));
    }

    /** Reads every {@code <year>.yaml} in {@code dir} (e.g. config/calendars/kz). */
    public static WorkingDayCalendar load(Path dir) {
        Map<Integer, List<Entry>> byYear = new TreeMap<>();
        Map<Integer, Path> sources = new TreeMap<>();
        for (Path file : Yamls.yamlFiles(dir)) {
            Map<String, Object> doc = Yamls.read(file);
            int year = Integer.parseInt(Yamls.required(doc, "year", file.toString()));
            String expectedName = year + ".yaml";
            if (!file.getFileName().toString().equals(expectedName)) {
                throw new IllegalStateException(file + ": declares year " + year + " but is not named " + expectedName);
            }
            byYear.put(year, CalendarYamls.entries(doc, year, file.toString()));
            sources.put(year, file);
        }
        if (byYear.isEmpty()) {
            throw new IllegalStateException("no calendar years in " + dir.toAbsolutePath());
        }
        int first = ((TreeMap<Integer, ?>) byYear).firstKey();
        int last = ((TreeMap<Integer, ?>) byYear).lastKey();
        return new WorkingDayCalendar(first, last, byYear, sources);
    }

    private void fillYear(int year, List<Entry> list) {
        loaded[year - firstYear] = true;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (isWeekend(d)) {
                nonWorking.set(index(d));
            }
        }
        for (Entry e : list) {
            if (e.dayOff()) {
                nonWorking.set(index(e.date()));
            } else {
                nonWorking.clear(index(e.date()));
            }
            // A holiday on a Sunday keeps its holiday name, a moved day keeps its own entry: one entry per date.
            entries.putIfAbsent(e.date(), e);
        }
    }

    /** True for a working day; throws {@link CalendarRangeException} for a year not loaded (never guessed). */
    public boolean isWorkingDay(LocalDate d) {
        requireLoaded(d.getYear());
        return !nonWorking.get(index(d));
    }

    /** Why the day is not a working day, in Russian (e.g. "Наурыз мейрамы (…ст. 5)"); empty on a working day. */
    public Optional<String> whyNotWorking(LocalDate d) {
        return whyNotWorking(d, Messages.RU);
    }

    public Optional<String> whyNotWorking(LocalDate d, Locale locale) {
        return isWorkingDay(d) ? Optional.empty() : Optional.of(reason(d).in(locale));
    }

    /** The localized reason a loaded day is a day off (holiday name and basis, or the weekend). */
    Localized reason(LocalDate d) {
        Entry e = entries.get(d);
        if (e != null && e.dayOff()) {
            return e.name().suffixed(" — " + e.basis());
        }
        return d.getDayOfWeek() == DayOfWeek.SATURDAY ? SATURDAY : SUNDAY;
    }

    public Optional<Entry> entry(LocalDate d) {
        return Optional.ofNullable(entries.get(d));
    }

    public boolean covers(int year) {
        int i = year - firstYear;
        return i >= 0 && i < loaded.length && loaded[i];
    }

    /** The loaded years and the file each came from. */
    public Map<Integer, Path> years() {
        return sources;
    }

    void requireLoaded(int year) {
        if (!covers(year)) {
            throw new CalendarRangeException(year);
        }
    }

    private int index(LocalDate d) {
        return (int) (d.toEpochDay() - baseEpochDay);
    }

    static boolean isWeekend(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY;
    }
}
