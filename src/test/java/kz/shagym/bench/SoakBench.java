package kz.shagym.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import kz.shagym.escalation.SoakRun;

/**
 * The soak of the embedded engine (see {@link SoakRun}): the application in a process of its own with {@code complaints}
 * open complaints, job workers polling, the clock moving 12 hours every 3 seconds, complaints closed and loaded each
 * tick; heap after a full collection, engine records and replacements sampled every 30 seconds.
 * Usage: bench/soak [minutes=30] [complaints=1000] [maxRecords=600000] [clientThreads=12] [childHeap=1g]
 */
public final class SoakBench {

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int complaints = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        long maxRecords = args.length > 2 ? Long.parseLong(args[2]) : 600_000; // the shipped default
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 12;
        String heap = args.length > 4 ? args[4] : "1g"; // spring-boot:run's
        Path data = Files.createTempDirectory("shagym-soak-");
        System.out.printf("cores: %d; soak of %d min with %d open complaints; engine replaced past %,d records; child heap %s%n",
                Runtime.getRuntime().availableProcessors(), minutes, complaints, maxRecords, heap);
        SoakRun.Result result = SoakRun.run(data, new SoakRun.Settings(Duration.ofMinutes(minutes), complaints, threads,
                Duration.ofSeconds(3), "PT12H", Duration.ofSeconds(30), maxRecords, Duration.ofSeconds(30), heap), System.out);
        SoakRun.print(result, System.out);
        System.out.println("application log: target/soak.log; data: " + data);
    }
}
