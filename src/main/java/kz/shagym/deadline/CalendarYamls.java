package kz.shagym.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and checks one calendar year file. */
final class CalendarYamls {
    private CalendarYamls() {}

    static List<WorkingDayCalendar.Entry> entries(Map<String, Object> doc, int year, String where) {
        List<WorkingDayCalendar.Entry> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> raw : Yamls.list(doc, "days")) {
            LocalDate date = Yamls.date(raw, "date");
            String at = where + " " + date;
            if (date == null || date.getYear() != year) {
                throw new IllegalStateException(at + ": date missing or outside " + year);
            }
            WorkingDayCalendar.Kind kind = WorkingDayCalendar.Kind.valueOf(Yamls.required(raw, "kind", at));
            if (!seen.add(date + "/" + kind)) {
                throw new IllegalStateException(at + ": duplicate " + kind);
            }
            if (kind == WorkingDayCalendar.Kind.WORKING_SATURDAY && date.getDayOfWeek() != DayOfWeek.SATURDAY) {
                throw new IllegalStateException(at + ": WORKING_SATURDAY is not a Saturday");
            }
            Confidence confidence = Confidence.valueOf(Yamls.required(raw, "confidence", at));
            out.add(new WorkingDayCalendar.Entry(date, kind, Localized.of(Yamls.texts(raw, "name", at)),
                    Yamls.required(raw, "basis", at), confidence, Yamls.string(raw, "note")));
        }
        return out;
    }
}
