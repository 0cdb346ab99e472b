package kz.shagym.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import kz.shagym.ShagymApplication;
import kz.shagym.report.BoardQueries;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long the coordinators' board takes with many open cases: the app starts in-process, N open complaints (default
 * 10,000) with their rung tracks, deadlines, letters and silence events are inserted with JDBC batches (the engine
 * is not involved: the board reads only the ledger), then GET /board is timed over a logged-in session.
 * Usage: bench/board [complaints=10000] [requests=50]
 */
public final class BoardBench {

    private static final String[] REGIONS = {"Астана", "Алматы", "Шымкент", "Карагандинская область", "Павлодарская область",
            "Туркестанская область", "Атырауская область", "Костанайская область"};
    private static final String[][] RUNG_STEPS = {
            {"FILED_WITH_AUTHORITY", "AWAITING_RESPONSE"}, {"INTERNAL_SECURITY_CHECK", "AWAITING_NOTICE"},
            {"INVESTIGATION", "AWAITING_DECISION"}, {"PROSECUTOR_COMPLAINT", "AWAITING_FILING"},
            {"INVESTIGATIVE_JUDGE", "AWAITING_FILING"}, {"APPEAL", "AWAITING_DECISION"},
            {"DOMESTIC_REMEDIES_EXHAUSTED", "AWAITING_SUBMISSION"}, {"UN_COMMUNICATION", "AWAITING_STATE_REPLY"},
            {"UN_FOLLOW_UP", "AWAITING_FOLLOW_UP"}};

    private static final int WARM_UP = 20;

    public static void main(String[] args) throws Exception {
        int complaints = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Path data = Files.createTempDirectory("shagym-bench-");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ShagymApplication.class).run(
                "--server.port=0", "--shagym.engine.port=0", "--shagym.data-dir=" + data,
                "--shagym.admin.password=bench-password", "--logging.level.root=warn");
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            long t0 = System.nanoTime();
            insert(new JdbcTemplate(app.getBean(DataSource.class)), complaints);
            System.out.printf("inserted %d open complaints (with tracks, deadlines, letters, events) in %.1f s%n",
                    complaints, (System.nanoTime() - t0) / 1e9);

            timeQueries(app.getBean(BoardQueries.class), requests);
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String base = "http://127.0.0.1:" + port;
            logIn(http, base);
            time(http, base + "/board", requests, "GET /board (first page of 200 rows, counts over all)");
            time(http, base + "/board?rung=INVESTIGATIVE_JUDGE", requests, "GET /board?rung=INVESTIGATIVE_JUDGE");
            time(http, base + "/board?region=" + URLEncoder.encode("Алматы", StandardCharsets.UTF_8), requests,
                    "GET /board?region=Алматы");
            time(http, base + "/board", requests, "GET /board again (steady state)");
        } finally {
            app.close();
        }
        System.exit(0); // the engine's client threads would keep the JVM alive
    }

    /** The two SQL queries alone, to tell database time from rendering time. */
    private static void timeQueries(BoardQueries queries, int requests) {
        BoardQueries.Filter all = new BoardQueries.Filter(null, null, null);
        for (int i = 0; i < WARM_UP; i++) {
            queries.openCases(all);
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            long s = System.nanoTime();
            queries.openCases(all);
            nanos.add(System.nanoTime() - s);
        }
        Collections.sort(nanos);
        System.out.printf("board queries alone (BoardQueries.openCases, all open cases): p50 %.1f ms, p95 %.1f ms%n",
                pct(nanos, 50), pct(nanos, 95));
    }

    private static void time(HttpClient http, String url, int requests, String label) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            get(http, url); // warm-up: JIT, template cache (a server answers many boards a day)
        }
        List<Long> nanos = new ArrayList<>();
        int bytes = 0;
        for (int i = 0; i < requests; i++) {
            long s = System.nanoTime();
            bytes = get(http, url).length();
            nanos.add(System.nanoTime() - s);
        }
        Collections.sort(nanos);
        System.out.printf("%s: p50 %.1f ms, p95 %.1f ms, max %.1f ms over %d requests (%d KB page)%n", label,
                pct(nanos, 50), pct(nanos, 95), nanos.get(nanos.size() - 1) / 1e6, requests, bytes / 1024);
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " -> " + r.statusCode());
        }
        return r.body();
    }

    private static void logIn(HttpClient http, String base) throws Exception {
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(http, base + "/login"));
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=admin&password=bench-password&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.headers().map());
        }
    }

    /** Realistic mixes: one or two open rungs, two to four deadlines (some overdue, some missed), a few approved letters. */
    private static void insert(JdbcTemplate jdbc, int complaints) {
        Random random = new Random(42);
        Instant now = Instant.now();
        Timestamp ts = Timestamp.from(now);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Almaty"));
        for (int i = 0; i < 20; i++) {
            jdbc.update("insert into app_user (username, password_hash, role, full_name, language, enabled, created_at) "
                    + "values (?, 'x', 'LAWYER', ?, 'ru', true, ?)", "bench-lawyer-" + i, "Юрист " + i, ts);
        }
        List<Object[]> cases = new ArrayList<>(), tracks = new ArrayList<>(), deadlines = new ArrayList<>(),
                letters = new ArrayList<>(), events = new ArrayList<>();
        for (int i = 0; i < complaints; i++) {
            UUID id = UUID.randomUUID();
            String[] rung = RUNG_STEPS[random.nextInt(RUNG_STEPS.length)];
            cases.add(new Object[] {id, "BENCH-%06d".formatted(i), REGIONS[random.nextInt(REGIONS.length)], ts,
                    rung[0], "bench-lawyer-" + random.nextInt(20), "Бенчмарк " + i, ts, ts});
            UUID track = UUID.randomUUID();
            tracks.add(new Object[] {track, id, rung[0], rung[1], ts});
            if ("INVESTIGATIVE_JUDGE".equals(rung[0])) {
                tracks.add(new Object[] {UUID.randomUUID(), id, "PROSECUTOR_COMPLAINT", "AWAITING_DECISION", ts});
            }
            int n = 2 + random.nextInt(3);
            for (int d = 0; d < n; d++) {
                String status = random.nextInt(10) == 0 ? "MISSED" : random.nextInt(4) == 0 ? "MET" : "OPEN";
                String owedBy = random.nextBoolean() ? "APPLICANT" : "AUTHORITY";
                LocalDate lastDay = today.plusDays(random.nextInt(60) - 10);
                deadlines.add(new Object[] {UUID.randomUUID(), id, track, owedBy, Date.valueOf(lastDay),
                        Timestamp.from(lastDay.plusDays(1).atStartOfDay(ZoneId.of("Asia/Almaty")).toInstant()), status, ts});
            }
            if (random.nextInt(20) == 0) {
                letters.add(new Object[] {UUID.randomUUID(), id, "COMPLAINT_PROSECUTOR", ts, "bench-" + id});
            }
            if (random.nextInt(15) == 0) {
                events.add(new Object[] {UUID.randomUUID(), id, rung[0], ts, ts});
            }
        }
        jdbc.batchUpdate("""
                insert into complaint (id, case_number, region, allegation, filed_with, filed_at, language, stage, status,
                  lawyer, victim_full_name, created_at, updated_at)
                values (?, ?, ?, 'TORTURE', 'POLICE', ?, 'ru', ?, 'OPEN', ?, ?, ?, ?)""", cases);
        jdbc.batchUpdate("insert into rung_track (id, complaint_id, rung, step, opened_at) values (?, ?, ?, ?, ?)", tracks);
        jdbc.batchUpdate("""
                insert into deadline (id, complaint_id, track_id, role, rule_id, owed_by, trigger_kind, trigger_at, last_day,
                  due_at, status, confidence, legal_basis, created_at)
                values (?, ?, ?, 'BENCH', 'kz.upk.106.file-complaint', ?, 'BENCH', current_timestamp, ?, ?, ?, 'V2', 'УПК РК ст. 106', ?)""",
                deadlines);
        jdbc.batchUpdate("""
                insert into letter (id, complaint_id, kind, language, status, version, created_at, idempotency_key)
                values (?, ?, ?, 'ru', 'APPROVED', 1, ?, ?)""", letters);
        jdbc.batchUpdate("""
                insert into complaint_event (id, complaint_id, seq, type, occurred_at, rung, source, recorded_at)
                values (?, ?, 1, 'AUTHORITY_SILENT', ?, ?, 'ENGINE', ?)""",
                events.stream().map(e -> new Object[] {e[0], e[1], e[3], e[2], e[4]}).toList());
    }

    private static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
