package kz.shagym.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.shagym.ShagymApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Start-up time, heap after start, and how many complaints per second the ladder's first rung takes: each complaint is
 * registered through the REST API and counted once its rung is open in the engine and its forensic-examination motion
 * is drafted (the rung's first service tasks). Usage: bench/ladder-first-rung [complaints] [client threads]
 */
public final class FirstRungBench {

    public static void main(String[] args) throws Exception {
        int complaints = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path data = Files.createTempDirectory("shagym-bench-");
        long t0 = System.nanoTime();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ShagymApplication.class).run(
                "--server.port=0", "--shagym.engine.port=0", "--shagym.data-dir=" + data,
                "--shagym.admin.password=bench-password", "--logging.level.root=warn");
        long startMs = (System.nanoTime() - t0) / 1_000_000;
        System.gc();
        long heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
        System.out.printf("start-up: %d ms to health UP; heap after start (after GC): %d MB%n", startMs, heapMb);

        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("admin:bench-password".getBytes(StandardCharsets.UTF_8));
        String filedAt = Instant.now().minus(Duration.ofHours(1)).atZone(ZoneId.of("Asia/Almaty")).toOffsetDateTime().withNano(0).toString();
        String body = """
                {"victim": {"fullName": "Бенчмарк Тест"}, "region": "Алматы", "allegation": "TORTURE",
                 "filedWith": "POLICE", "filedAt": "%s", "language": "ru"}""".formatted(filedAt);

        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < complaints; i++) {
            futures.add(pool.submit(() -> {
                long s = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/complaints"))
                        .header("Authorization", auth).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 201) {
                    throw new IllegalStateException(r.body());
                }
                latencies.add(System.nanoTime() - s);
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        long accepted = System.nanoTime() - started;
        while (jdbc.sql("select count(*) from letter where kind = 'FORENSIC_EXAM_MOTION'").query(Integer.class).single() < complaints) {
            Thread.sleep(20);
        }
        long throughRung = System.nanoTime() - started;
        pool.shutdown();

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("cores: %d; complaints: %d; client threads: %d%n", Runtime.getRuntime().availableProcessors(), complaints, threads);
        System.out.printf("registration (POST /api/complaints): %.0f/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
                complaints / (accepted / 1e9), pct(sorted, 50), pct(sorted, 95), pct(sorted, 99));
        System.out.printf("first rung open in the engine with its letter drafted: %.0f complaints/s (%d in %.1f s)%n",
                complaints / (throughRung / 1e9), complaints, throughRung / 1e9);
        System.gc();
        System.out.printf("heap after the run (after GC): %d MB%n", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024));
        app.close();
        System.exit(0); // a library's non-daemon timer thread would keep the JVM alive after the figures
    }

    private static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
