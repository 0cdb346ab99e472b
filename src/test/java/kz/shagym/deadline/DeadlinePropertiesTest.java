package kz.shagym.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Property-style checks over seeded random triggers 2020–2027 × every rule version. */
class DeadlinePropertiesTest {
    private static final long FROM = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();
    private static final long TO = Instant.parse("2027-12-31T00:00:00Z").getEpochSecond();
    private static final int TRIES_PER_RULE = 2_000;

    @Test
    void theEndNeverPrecedesTheTrigger() {
        Random random = new Random(20260501L);
        for (DeadlineRule rule : Fixtures.CATALOG.all()) {
            for (int i = 0; i < TRIES_PER_RULE; i++) {
                Instant trigger = randomTrigger(random);
                ComputedDeadline d = computeOrNull(rule.id(), trigger);
                if (d == null) {
                    continue;
                }
                assertThat(d.dueAt()).as("%s from %s", rule.id(), trigger).isAfter(trigger);
                assertThat(d.lastDay()).as("%s from %s", rule.id(), trigger)
                        .isAfterOrEqualTo(DeadlineCalculator.localDate(trigger));
            }
        }
    }

    @Test
    void aLaterTriggerNeverGivesAnEarlierEnd() {
        Random random = new Random(42L);
        for (DeadlineRule rule : Fixtures.CATALOG.all()) {
            for (int i = 0; i < TRIES_PER_RULE; i++) {
                Instant a = randomTrigger(random);
                // a close neighbour catches month-end and holiday edges better than two far-apart instants
                Instant b = random.nextBoolean() ? randomTrigger(random) : a.plusSeconds(random.nextInt(3 * 86_400));
                Instant early = a.isBefore(b) ? a : b;
                Instant late = a.isBefore(b) ? b : a;
                ComputedDeadline first = computeOrNull(rule.id(), early);
                ComputedDeadline second = computeOrNull(rule.id(), late);
                if (first == null || second == null) {
                    continue;
                }
                assertThat(second.dueAt()).as("%s: %s then %s", rule.id(), early, late).isAfterOrEqualTo(first.dueAt());
                assertThat(second.lastDay()).as("%s: %s then %s", rule.id(), early, late).isAfterOrEqualTo(first.lastDay());
            }
        }
    }

    @Test
    void everyRegimeAndPeriodShapeRoundTripsThroughAdHocRequests() {
        Random random = new Random(7L);
        List<Regime> regimes = List.of(Regime.values());
        for (int i = 0; i < 5_000; i++) {
            Regime regime = regimes.get(random.nextInt(regimes.size()));
            int n = 1 + random.nextInt(40);
            String period = switch (regime) {
                case UPK_HOURS -> "PT" + n + "H";
                case UPK_MONTHS, CALENDAR_MONTHS -> "P" + n + "M";
                default -> "P" + n + "D";
            };
            Instant trigger = Instant.ofEpochSecond(FROM + (long) (random.nextDouble() * (Instant.parse("2024-06-01T00:00:00Z").getEpochSecond() - FROM)));
            ComputedDeadline d = Fixtures.CALCULATOR.compute(new DeadlineRequest(null, regime, period, trigger, null, null));
            assertThat(d.dueAt()).isAfter(trigger);
            assertThat(d.explanation(Messages.KK)).allMatch(l -> !l.contains("{"));
        }
    }

    private static Instant randomTrigger(Random random) {
        return Instant.ofEpochSecond(FROM + (long) (random.nextDouble() * (TO - FROM)));
    }

    /** Null where the rule is not in force yet or the calendar year is not loaded: both are refusals, not answers. */
    private static ComputedDeadline computeOrNull(String ruleId, Instant trigger) {
        try {
            return Fixtures.CALCULATOR.compute(ruleId, trigger);
        } catch (UnknownRuleException | CalendarRangeException e) {
            return null;
        }
    }
}
