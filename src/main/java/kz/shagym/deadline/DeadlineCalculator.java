package kz.shagym.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Computes deadlines for every regime. All local dates are in Asia/Almaty with the offset the JVM's tz database
 * gives for that instant (UTC+6 before 2024-03-01, UTC+5 after). Thread-safe and immutable.
 */
public final class DeadlineCalculator {
    public static final ZoneId ZONE = ZoneId.of("Asia/Almaty");

    static {
        TimeZoneCheck.verify(ZONE);
    }

    private static final Localized EXTRA_NON_WORKING = new Localized(
            "нерабочий день, указанный для этого расчёта", "осы есептеу үшін көрсетілген жұмыс емес күн",
            "non-working day given for this computation");

    private final RuleCatalog catalog;
    private final WorkingDayCalendar calendar;

    public DeadlineCalculator(RuleCatalog catalog, WorkingDayCalendar calendar) {
        this.catalog = catalog;
        this.calendar = calendar;
    }

    /** The catalog rule in force at the trigger's local date, computed with the loaded calendar only. */
    public ComputedDeadline compute(String ruleId, Instant trigger) {
        requireTrigger(trigger);
        DeadlineRule rule = catalog.rule(ruleId, localDate(trigger));
        return compute(rule, rule.regime(), rule.period(), trigger, Set.of(), Set.of());
    }

    /** An ad-hoc period, or a catalog rule ({@code ruleId} set) with this computation's calendar adjustments. */
    public ComputedDeadline compute(DeadlineRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "request is missing");
        }
        requireTrigger(request.trigger());
        if (request.ruleId() != null) {
            DeadlineRule rule = catalog.rule(request.ruleId(), localDate(request.trigger()));
            return compute(rule, rule.regime(), rule.period(), request.trigger(),
                    request.extraNonWorkingDays(), request.extraWorkingDays());
        }
        if (request.regime() == null) {
            throw new UnknownRegimeException("regime", "regime is missing; give a rule or one of " + List.of(Regime.values()));
        }
        return compute(null, request.regime(), request.period(), request.trigger(),
                request.extraNonWorkingDays(), request.extraWorkingDays());
    }

    public RuleCatalog catalog() {
        return catalog;
    }

    public WorkingDayCalendar calendar() {
        return calendar;
    }

    private ComputedDeadline compute(DeadlineRule rule, Regime regime, String period, Instant trigger,
            Set<LocalDate> extraNonWorking, Set<LocalDate> extraWorking) {
        long amount = Periods.parse(regime, period);
        Counting counting = new Counting(extraNonWorking, extraWorking);
        ZonedDateTime local = trigger.atZone(ZONE);
        LocalDate triggerDay = local.toLocalDate();
        List<Step> steps = new ArrayList<>(8);
        steps.add(new Step(Step.Kind.TRIGGER, local.toLocalDateTime()));
        describeRule(rule, regime, period, steps);
        if (!extraNonWorking.isEmpty() || !extraWorking.isEmpty()) {
            steps.add(new Step(Step.Kind.CALENDAR_ADJUSTED, new TreeSet<>(extraNonWorking), new TreeSet<>(extraWorking)));
        }
        LocalDate lastDay;
        Instant dueAt;
        if (regime == Regime.UPK_HOURS) {
            dueAt = trigger.plusSeconds(amount * 3600);
            ZonedDateTime end = dueAt.atZone(ZONE);
            lastDay = end.toLocalDate();
            steps.add(new Step(Step.Kind.HOURS_ADD, Amount.of(regime, period), end.toLocalDateTime()));
            steps.add(new Step(Step.Kind.END_AT_INSTANT, end.toLocalDate(), end.toLocalTime()));
        } else {
            lastDay = switch (regime) {
                case UPK_SUTKI -> sutki(triggerDay, amount, counting, steps);
                case UPK_MONTHS -> monthsMoved(triggerDay, amount, counting, steps);
                case WORKING_DAYS -> workingDays(triggerDay, amount, counting, steps);
                case CALENDAR_DAYS -> calendarDays(triggerDay, amount, steps);
                case CALENDAR_MONTHS -> calendarMonths(triggerDay, amount, period, steps);
                case UPK_HOURS -> throw new IllegalStateException("handled above");
            };
            dueAt = endOfDay(lastDay);
            steps.add(new Step(Step.Kind.END_OF_DAY, lastDay));
        }
        return new ComputedDeadline(rule == null ? null : rule.id(), regime, period, trigger, lastDay, dueAt, ZONE,
                rule == null ? null : rule.basis().display(), rule == null ? null : rule.confidence(),
                rule == null ? null : rule.owedBy(), List.copyOf(steps));
    }

    private static void describeRule(DeadlineRule rule, Regime regime, String period, List<Step> steps) {
        if (rule == null) {
            steps.add(new Step(Step.Kind.AD_HOC, regime, Amount.of(regime, period)));
            return;
        }
        steps.add(new Step(Step.Kind.RULE, Localized.of(rule.title()), rule.basis().display(), Amount.of(regime, period)));
        if (!rule.confidence().verified()) {
            steps.add(new Step(Step.Kind.UNVERIFIED, rule.confidence()));
        }
    }

    /** УПК сутки: the trigger day is not counted; days off are counted and the end is never moved. */
    private LocalDate sutki(LocalDate triggerDay, long n, Counting counting, List<Step> steps) {
        LocalDate last = triggerDay.plusDays(n);
        steps.add(new Step(Step.Kind.SUTKI_COUNT, new Amount(n, Amount.Unit.SUTKI), triggerDay, triggerDay.plusDays(1), last));
        // Only to explain: the calendar is not needed to count сутки, so a missing year is not an error here.
        if (calendar.covers(last.getYear()) ? !counting.working(last) : WorkingDayCalendar.isWeekend(last)) {
            steps.add(new Step(Step.Kind.SUTKI_NOT_MOVED, last, counting.reason(last)));
        }
        return last;
    }

    /** Month periods (УПК art. 49, АППК): same date n months later, month end if none, then next working day. */
    private LocalDate monthsMoved(LocalDate triggerDay, long n, Counting counting, List<Step> steps) {
        LocalDate target = triggerDay.plusMonths(n);
        steps.add(new Step(Step.Kind.MONTHS_ADD, new Amount(n, Amount.Unit.MONTHS), triggerDay, target));
        noteMonthEnd(triggerDay, target, steps);
        LocalDate last = target;
        while (!counting.working(last)) {
            steps.add(new Step(Step.Kind.MOVE_SKIP, last, counting.reason(last)));
            last = last.plusDays(1);
        }
        if (!last.equals(target)) {
            steps.add(new Step(Step.Kind.MOVED_TO, last));
        }
        return last;
    }

    /** АППК working days: counting starts the day after the trigger; days off are skipped, not counted. */
    private LocalDate workingDays(LocalDate triggerDay, long n, Counting counting, List<Step> steps) {
        steps.add(new Step(Step.Kind.WORKING_DAYS_START, new Amount(n, Amount.Unit.WORKING_DAYS), triggerDay.plusDays(1)));
        LocalDate day = triggerDay;
        long counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (counting.working(day)) {
                counted++;
            } else {
                steps.add(new Step(Step.Kind.WORKING_DAY_SKIPPED, day, counting.reason(day)));
            }
        }
        steps.add(new Step(Step.Kind.WORKING_DAYS_LAST, n, day));
        return day;
    }

    private static LocalDate calendarDays(LocalDate triggerDay, long n, List<Step> steps) {
        LocalDate last = triggerDay.plusDays(n);
        steps.add(new Step(Step.Kind.CALENDAR_DAYS_ADD, new Amount(n, Amount.Unit.CALENDAR_DAYS), triggerDay, last));
        return last;
    }

    private static LocalDate calendarMonths(LocalDate triggerDay, long months, String period, List<Step> steps) {
        LocalDate last = triggerDay.plusMonths(months);
        steps.add(new Step(Step.Kind.CALENDAR_MONTHS_ADD, Amount.of(Regime.CALENDAR_MONTHS, period), triggerDay, last));
        noteMonthEnd(triggerDay, last, steps);
        return last;
    }

    /** LocalDate.plusMonths clamps to the month end when the same date does not exist (31 Jan → 28/29 Feb): say so. */
    private static void noteMonthEnd(LocalDate from, LocalDate target, List<Step> steps) {
        if (target.getDayOfMonth() != from.getDayOfMonth()) {
            steps.add(new Step(Step.Kind.MONTH_END, from.getDayOfMonth(), target));
        }
    }

    static LocalDate localDate(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** 24:00 local of the last day = the start of the next local day. */
    static Instant endOfDay(LocalDate lastDay) {
        return lastDay.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    private static void requireTrigger(Instant trigger) {
        if (trigger == null) {
            throw new InvalidInputException("trigger", "trigger is missing");
        }
    }

    /** The loaded calendar adjusted for one computation; a year that is not loaded is refused even with adjustments. */
    private final class Counting {
        private final Set<LocalDate> extraNonWorking;
        private final Set<LocalDate> extraWorking;

        Counting(Set<LocalDate> extraNonWorking, Set<LocalDate> extraWorking) {
            this.extraNonWorking = extraNonWorking;
            this.extraWorking = extraWorking;
        }

        boolean working(LocalDate d) {
            boolean byCalendar = calendar.isWorkingDay(d);
            if (!extraWorking.isEmpty() && extraWorking.contains(d)) {
                return true;
            }
            if (!extraNonWorking.isEmpty() && extraNonWorking.contains(d)) {
                return false;
            }
            return byCalendar;
        }

        Localized reason(LocalDate d) {
            if (extraNonWorking.contains(d)) {
                return EXTRA_NON_WORKING;
            }
            return calendar.covers(d.getYear()) || !WorkingDayCalendar.isWeekend(d) ? calendar.reason(d)
                    : (d.getDayOfWeek() == java.time.DayOfWeek.SATURDAY ? WorkingDayCalendar.SATURDAY : WorkingDayCalendar.SUNDAY);
        }
    }
}
