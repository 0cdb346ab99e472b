package kz.shagym.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite's short soak (bench/soak is the long one): {@value #DEFAULT_COMPLAINTS} open complaints, the clock moving
 * twelve hours every three seconds, complaints closed and new ones loaded each tick, the engine's record limit set low
 * so that it is replaced several times. Memory stays bounded — the heap after a full collection does not climb from one
 * replacement to the next — and every open complaint is resumed each time with nothing lost or doubled.
 */
class SoakTest {

    static final int DEFAULT_COMPLAINTS = 150;
    static final int COMPLAINTS = Integer.getInteger("shagym.soak.complaints", DEFAULT_COMPLAINTS);
    static final Duration LENGTH = Duration.ofSeconds(Long.getLong("shagym.soak.seconds", 60));
    static final long MAX_RECORDS = Long.getLong("shagym.soak.max-records", 30_000);

    @TempDir
    Path dataDir;

    @Test
    void engineIsReplacedBeforeItOutgrowsTheHeapAndEveryComplaintResumesWithNothingLost() throws Exception {
        SoakRun.Result result = SoakRun.run(dataDir, new SoakRun.Settings(LENGTH, COMPLAINTS, 8, Duration.ofSeconds(3),
                "PT12H", Duration.ofSeconds(10), MAX_RECORDS, Duration.ofSeconds(5), "768m"), System.out);
        SoakRun.print(result, System.out);

        assertThat(result.replacements()).as("engine replaced past its record limit").isGreaterThanOrEqualTo(2);
        List<SoakRun.Sample> samples = result.samples();
        assertThat(samples).as("no resume failed to start a complaint again").allMatch(s -> s.lastFailed() == 0);
        assertThat(samples.getLast().lastResumed()).as("the last replacement resumed the open complaints (a tick closes a few)")
                .isGreaterThanOrEqualTo(COMPLAINTS * 9 / 10);
        long firstHalf = samples.subList(0, samples.size() / 2).stream().mapToLong(SoakRun.Sample::heapAfterGcBytes).max().orElseThrow();
        long secondHalf = samples.subList(samples.size() / 2, samples.size()).stream().mapToLong(SoakRun.Sample::heapAfterGcBytes).max().orElseThrow();
        assertThat(secondHalf).as("heap after GC in the second half vs the first: no growth across replacements")
                .isLessThanOrEqualTo(firstHalf + firstHalf / 4 + (16 << 20));
        assertThat(result.maxHeapAfterGc()).as("the record limit acts before the heap limit (70% of the maximum) must")
                .isLessThan(result.heapMaxBytes() * 7 / 10);
        assertThat(result.drifted()).as("complaints on which engine and ledger differ").isZero();
        assertThat(result.timersChecked()).isPositive();
        assertThat(result.missingLetters()).as("letters lost").isZero();
        assertThat(result.duplicates()).as("letters or timer effects doubled").isZero();
    }
}
