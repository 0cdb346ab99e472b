package kz.shagym.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import kz.shagym.ShagymApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Where start-up time goes: starts the application in-process on a fresh data directory with Spring's
 * {@link BufferingApplicationStartup} and prints the slowest steps (bean creation times include the beans they
 * create), the JVM's uptime at each milestone, and the classes loaded. Used by {@code bench/cold-start --steps}.
 */
public final class StartupSteps {

    public static void main(String[] args) throws Exception {
        int top = args.length > 0 ? Integer.parseInt(args[0]) : 25;
        Path data = Files.createTempDirectory("shagym-startup-");
        BufferingApplicationStartup startup = new BufferingApplicationStartup(20_000);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ShagymApplication.class)
                .applicationStartup(startup)
                .run("--server.port=0", "--shagym.engine.port=0", "--shagym.data-dir=" + data,
                        "--shagym.admin.password=startup-password", "--logging.level.root=warn");
        long ready = ManagementFactory.getRuntimeMXBean().getUptime();
        try {
            StartupTimeline timeline = startup.getBufferedTimeline();
            List<StartupTimeline.TimelineEvent> events = new ArrayList<>(timeline.getEvents());
            events.sort(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed());
            System.out.printf("JVM uptime when the application was ready (health UP): %d ms; classes loaded: %d%n", ready,
                    ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
            System.out.printf("%-10s %-10s %s%n", "took ms", "ended at", "step");
            long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
            for (StartupTimeline.TimelineEvent e : events.subList(0, Math.min(top, events.size()))) {
                List<String> tags = new ArrayList<>();
                e.getStartupStep().getTags().forEach(t -> tags.add(t.getKey() + "=" + abbreviate(t.getValue())));
                System.out.printf("%-10d %-10d %s %s%n", e.getDuration().toMillis(),
                        Duration.between(java.time.Instant.ofEpochMilli(jvmStart), e.getEndTime()).toMillis(),
                        e.getStartupStep().getName(), tags);
            }
        } finally {
            app.close();
        }
        System.exit(0); // the engine's client threads would keep the JVM alive
    }

    private static String abbreviate(String value) {
        return value.length() > 90 ? value.substring(0, 87) + "..." : value;
    }
}
