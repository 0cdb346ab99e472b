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
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import kz.shagym.ShagymApplication;
import kz.shagym.complaint.BenchLedger;
import kz.shagym.complaint.BoardRows;
import kz.shagym.complaint.ComplaintLedger;
import kz.shagym.complaint.Rung;
import kz.shagym.complaint.Step;
import kz.shagym.report.BoardQueries;
import kz.shagym.security.Role;
import kz.shagym.security.UserAccounts;
import kz.shagym.security.VictimIdentityCipher;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How long the board takes with many open cases. The app starts in-process on its defaults; N open complaints (default
 * 100,000: 20 lawyers, 20 regions, 2–4 deadlines each, some missed or met, a few silent authorities and approved
 * letters) are inserted with JDBC batches and the board's rows built from them (the engine is not involved: the board
 * reads only the ledger). Then GET /board and its filters are timed over logged-in sessions, and a deadline closed
 * through the ledger (which keeps the board's rows at commit) is timed against the same update in plain SQL.
 * Usage: bench/board [complaints=100000] [requests=50] [warm-up=20]
 */
public final class BoardBench {

    private static final List<String> REGIONS = List.of("Астана", "Алматы", "Шымкент", "Абайская область",
            "Акмолинская область", "Актюбинская область", "Алматинская область", "Атырауская область",
            "Восточно-Казахстанская область", "Жамбылская область", "Жетысуская область", "Западно-Казахстанская область",
            "Карагандинская область", "Костанайская область", "Кызылординская область", "Мангистауская область",
            "Павлодарская область", "Северо-Казахстанская область", "Туркестанская область", "Улытауская область");
    private static final int LAWYERS = 20;
    /** Where open cases stand, most at the first rungs, a few at the UN (percent, summing to 100). */
    private static final Object[][] RUNGS = {
            {Rung.FILED_WITH_AUTHORITY, Step.AWAITING_RESPONSE, 20}, {Rung.INTERNAL_SECURITY_CHECK, Step.AWAITING_NOTICE, 10},
            {Rung.INVESTIGATION, Step.AWAITING_DECISION, 20}, {Rung.PROSECUTOR_COMPLAINT, Step.AWAITING_DECISION, 8},
            {Rung.INVESTIGATIVE_JUDGE, Step.AWAITING_FILING, 15}, {Rung.APPEAL, Step.AWAITING_DECISION, 10},
            {Rung.DOMESTIC_REMEDIES_EXHAUSTED, Step.AWAITING_SUBMISSION, 7}, {Rung.UN_COMMUNICATION, Step.AWAITING_STATE_REPLY, 7},
            {Rung.UN_FOLLOW_UP, Step.AWAITING_FOLLOW_UP, 3}};
    private static final int BATCH = 5_000;
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    public static void main(String[] args) throws Exception {
        int complaints = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path data = Files.createTempDirectory("shagym-bench-");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ShagymApplication.class).run(
                "--server.port=0", "--shagym.engine.port=0", "--shagym.data-dir=" + data,
                "--shagym.admin.password=bench-password", "--logging.level.root=warn");
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            TransactionTemplate tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
            List<UUID> openDeadlines = seed(app, tx, complaints);
            BoardRows board = app.getBean(BoardRows.class);
            checkConsistent(board, "after loading");

            System.out.println("load average before timing: " + loadAverage());
            timeQueries(app.getBean(BoardQueries.class), requests, warmUp);
            String base = "http://127.0.0.1:" + port;
            HttpClient coordinator = logIn(base, "admin", "bench-password");
            HttpClient lawyer = logIn(base, "bench-lawyer-3", "bench-password");
            String almaty = URLEncoder.encode("Алматы", StandardCharsets.UTF_8);
            int middlePage = Math.max(1, complaints / 200 / 2);
            Timer timer = new Timer(requests, warmUp);
            timer.http(coordinator, base + "/board", "GET /board (first page of 200 rows, counts over all)");
            timer.http(coordinator, base + "/board?rung=INVESTIGATIVE_JUDGE", "GET /board?rung=INVESTIGATIVE_JUDGE");
            timer.http(coordinator, base + "/board?rung=UN_FOLLOW_UP", "GET /board?rung=UN_FOLLOW_UP (3% of cases)");
            timer.http(coordinator, base + "/board?region=" + almaty, "GET /board?region=Алматы");
            timer.http(coordinator, base + "/board?lawyer=bench-lawyer-7", "GET /board?lawyer=bench-lawyer-7");
            timer.http(coordinator, base + "/board?region=" + almaty + "&rung=APPEAL&lawyer=bench-lawyer-7",
                    "GET /board?region=Алматы&rung=APPEAL&lawyer=bench-lawyer-7");
            timer.http(coordinator, base + "/board?page=" + middlePage, "GET /board?page=" + middlePage + " (middle of the board)");
            timer.http(coordinator, base + "/board?flag=OVERDUE", "GET /board?flag=OVERDUE");
            timer.http(coordinator, base + "/board?flag=MISSED", "GET /board?flag=MISSED (missed terms awaiting filing)");
            timer.http(coordinator, base + "/board?flag=SILENT", "GET /board?flag=SILENT");
            timer.http(coordinator, base + "/board?flag=LETTER_NOT_FILED", "GET /board?flag=LETTER_NOT_FILED");
            timer.http(coordinator, base + "/board?rung=APPEAL&flag=MISSED", "GET /board?rung=APPEAL&flag=MISSED");
            timer.http(coordinator, base + "/board?sort=DAYS_DESC", "GET /board?sort=DAYS_DESC");
            timer.http(coordinator, base + "/board?sort=CASE_NUMBER", "GET /board?sort=CASE_NUMBER");
            timer.http(coordinator, base + "/board?q=00042", "GET /board?q=00042 (part of a case number)");
            timer.http(lawyer, base + "/board", "GET /board as a lawyer (own cases only)");
            timer.http(coordinator, base + "/board", "GET /board again (steady state)");
            System.out.println("(no JSON board endpoint exists: the board is the page above and GET /api/reports/stages.xlsx)");

            timeDeadlineChanges(app, tx, openDeadlines, requests, warmUp);
            System.out.println("load average after timing: " + loadAverage());
        } finally {
            app.close();
        }
        System.exit(0); // the engine's client threads would keep the JVM alive
    }

    /**
     * Inserts the cases with JDBC batches, BATCH complaints per transaction (writing 100,000 cases one by one through
     * the ledger would take a quarter of an hour here), then fills the board's rows from the ledger as V10 does.
     * Returns the ids of deadlines still open.
     */
    private static List<UUID> seed(ConfigurableApplicationContext app, TransactionTemplate tx, int complaints) {
        long t0 = System.nanoTime();
        UserAccounts users = app.getBean(UserAccounts.class);
        for (int i = 0; i < LAWYERS; i++) {
            users.create("bench-lawyer-" + i, "bench-password", Role.LAWYER, "Юрист " + i, null, "ru");
        }
        VictimIdentityCipher cipher = app.getBean(VictimIdentityCipher.class);
        JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
        Random random = new Random(42);
        Timestamp now = Timestamp.from(Instant.now());
        LocalDate today = LocalDate.now(ALMATY);
        List<UUID> openDeadlines = new ArrayList<>();
        for (int from = 0; from < complaints; from += BATCH) {
            Rows rows = new Rows();
            for (int i = from; i < Math.min(complaints, from + BATCH); i++) {
                rows.add(randomCase(random, i, today), random, cipher, now, openDeadlines);
            }
            tx.executeWithoutResult(s -> rows.insert(jdbc));
        }
        double inserted = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        tx.executeWithoutResult(s -> app.getBean(BoardRows.class).rebuild());
        System.out.printf("inserted %d open complaints (events, rungs, 2-4 deadlines each, letters) in %.1f s; "
                + "board rows built from them in %.1f s%n", complaints, inserted, (System.nanoTime() - t1) / 1e9);
        return openDeadlines;
    }

    /** One batch of ledger rows as the ladder leaves them. */
    private static final class Rows {
        final List<Object[]> complaints = new ArrayList<>(), events = new ArrayList<>(), tracks = new ArrayList<>(),
                deadlines = new ArrayList<>(), letters = new ArrayList<>();

        void add(BenchLedger.Case c, Random random, VictimIdentityCipher cipher, Timestamp now, List<UUID> openDeadlines) {
            UUID id = UUID.randomUUID();
            String victim = "Бенчмарк " + c.caseNumber();
            complaints.add(new Object[] {id, c.caseNumber(), c.region(), now, c.rung().name(), c.lawyer(),
                    cipher.encrypt(VictimIdentityCipher.FULL_NAME, id, victim), cipher.nameIndex(victim), now, now});
            UUID report = UUID.randomUUID();
            events.add(new Object[] {report, id, 1, "REPORT_FILED", now, "FILED_WITH_AUTHORITY", "USER", now});
            if (c.authoritySilent()) {
                events.add(new Object[] {UUID.randomUUID(), id, 2, "AUTHORITY_SILENT", now, c.rung().name(), "ENGINE", now});
            }
            if (c.alsoProsecutor()) {
                tracks.add(new Object[] {UUID.randomUUID(), id, Rung.PROSECUTOR_COMPLAINT.name(), Step.AWAITING_DECISION.name(), now});
            }
            UUID track = UUID.randomUUID();
            tracks.add(new Object[] {track, id, c.rung().name(), c.step().name(), now});
            for (BenchLedger.Term term : c.terms()) {
                UUID deadline = UUID.randomUUID();
                Timestamp due = Timestamp.from(term.lastDay().plusDays(1).atStartOfDay(ALMATY).toInstant());
                deadlines.add(new Object[] {deadline, id, track, term.owedBy(), report, now, Date.valueOf(term.lastDay()), due,
                        term.status(), "OPEN".equals(term.status()) ? null : now, now});
                if ("OPEN".equals(term.status())) {
                    openDeadlines.add(deadline);
                }
            }
            if (random.nextInt(20) == 0) {
                letters.add(new Object[] {UUID.randomUUID(), id, track, now, "bench-" + id});
            }
        }

        void insert(JdbcTemplate jdbc) {
            jdbc.batchUpdate("""
                    insert into complaint (id, case_number, region, allegation, filed_with, filed_at, language, stage, status,
                      lawyer, victim_full_name, victim_name_index, created_at, updated_at)
                    values (?, ?, ?, 'TORTURE', 'POLICE', ?, 'ru', ?, 'OPEN', ?, ?, ?, ?, ?)""", complaints);
            jdbc.batchUpdate("""
                    insert into complaint_event (id, complaint_id, seq, type, occurred_at, rung, source, recorded_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""", events);
            jdbc.batchUpdate("insert into rung_track (id, complaint_id, rung, step, opened_at) values (?, ?, ?, ?, ?)", tracks);
            jdbc.batchUpdate("""
                    insert into deadline (id, complaint_id, track_id, role, rule_id, owed_by, trigger_kind, trigger_event_id,
                      trigger_field, trigger_at, last_day, due_at, status, closed_at, confidence, legal_basis, created_at)
                    values (?, ?, ?, 'JUDGE_COMPLAINT', 'kz.upk.106.file-complaint', ?, 'REPORT_RECEIVED', ?, 'occurredAt',
                      ?, ?, ?, ?, ?, 'V2', 'УПК РК ст. 106', ?)""", deadlines);
            jdbc.batchUpdate("""
                    insert into letter (id, complaint_id, track_id, kind, language, status, version, created_at, idempotency_key)
                    values (?, ?, ?, 'COMPLAINT_PROSECUTOR', 'ru', 'APPROVED', 1, ?, ?)""", letters);
        }
    }

    private static BenchLedger.Case randomCase(Random random, int i, LocalDate today) {
        Object[] rung = pickRung(random.nextInt(100));
        List<BenchLedger.Term> terms = new ArrayList<>();
        int n = 2 + random.nextInt(3);
        for (int d = 0; d < n; d++) {
            String status = random.nextInt(10) == 0 ? "MISSED" : random.nextInt(4) == 0 ? "MET" : "OPEN";
            String owedBy = random.nextBoolean() ? "APPLICANT" : "AUTHORITY";
            terms.add(new BenchLedger.Term(today.plusDays(random.nextInt(60) - 10), owedBy, status));
        }
        return new BenchLedger.Case("BENCH-%06d".formatted(i), REGIONS.get(random.nextInt(REGIONS.size())),
                "bench-lawyer-" + random.nextInt(LAWYERS), (Rung) rung[0], (Step) rung[1], rung[0] == Rung.INVESTIGATIVE_JUDGE,
                terms, random.nextInt(15) == 0);
    }

    private static Object[] pickRung(int percentile) {
        int sum = 0;
        for (Object[] rung : RUNGS) {
            sum += (Integer) rung[2];
            if (percentile < sum) {
                return rung;
            }
        }
        return RUNGS[RUNGS.length - 1];
    }

    private static void checkConsistent(BoardRows board, String when) {
        long t0 = System.nanoTime();
        List<String> drift = board.drift();
        System.out.printf("board rows equal to the ledger %s: %s (checked in %.1f s)%n", when,
                drift.isEmpty() ? "yes" : "NO, " + drift.size() + " differences, first: " + drift.get(0),
                (System.nanoTime() - t0) / 1e9);
    }

    /** The board's queries alone (counters, one page and its rungs and letters), to tell database from rendering time. */
    private static void timeQueries(BoardQueries queries, int requests, int warmUp) {
        BoardQueries.Filter all = new BoardQueries.Filter(null, null, null);
        new Timer(requests, warmUp).run("board queries alone (summary + first page of 200)", () -> {
            queries.summary(all);
            return queries.page(all, 0, 200).size();
        });
    }

    /**
     * A deadline closed through the ledger (its board rows and counters refreshed at commit), against the same update
     * in plain SQL: the difference is what keeping the board costs a ladder write.
     */
    private static void timeDeadlineChanges(ConfigurableApplicationContext app, TransactionTemplate tx, List<UUID> open,
                                            int requests, int warmUp) {
        BenchLedger ledger = new BenchLedger(app.getBean(ComplaintLedger.class));
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        Collections.shuffle(open, new Random(7));
        int[] next = {0};
        Timer timer = new Timer(requests * 4, warmUp);
        timer.run("close one deadline through the ledger (+ board upkeep), one transaction", () -> {
            UUID deadline = open.get(next[0]++);
            tx.executeWithoutResult(s -> ledger.closeDeadline(deadline, "MET", Instant.now()));
            return 0;
        });
        checkConsistent(app.getBean(BoardRows.class), "after closing those deadlines");
        timer.run("the same update in plain SQL (no board upkeep), one transaction", () -> {
            UUID deadline = open.get(next[0]++);
            tx.executeWithoutResult(s -> jdbc.sql("update deadline set status = 'MET', closed_at = :now where id = :id")
                    .param("now", Timestamp.from(Instant.now())).param("id", deadline).update());
            return 0;
        }); // (these went around the ledger: the board no longer matches them, and the benchmark ends here)
    }

    private record Timer(int requests, int warmUp) {

        void http(HttpClient http, String url, String label) throws Exception {
            int[] bytes = {0};
            run(label, () -> {
                bytes[0] = get(http, url).length();
                return bytes[0];
            });
        }

        void run(String label, Supplier<Integer> action) {
            for (int i = 0; i < warmUp; i++) {
                action.get(); // JIT, template cache, database pages: a server answers many boards a day
            }
            List<Long> nanos = new ArrayList<>();
            int size = 0;
            long cpu = processCpuNanos();
            for (int i = 0; i < requests; i++) {
                long s = System.nanoTime();
                size = action.get();
                nanos.add(System.nanoTime() - s);
            }
            double cpuPerRun = (processCpuNanos() - cpu) / 1e6 / requests;
            Collections.sort(nanos);
            System.out.printf("%s: p50 %.1f ms, p95 %.1f ms, max %.1f ms over %d; CPU %.1f ms each%s%n", label, pct(nanos, 50),
                    pct(nanos, 95), nanos.get(nanos.size() - 1) / 1e6, requests, cpuPerRun,
                    size > 1000 ? " (%d KB page)".formatted(size / 1024) : "");
        }
    }

    private static String get(HttpClient http, String url) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(url + " -> " + r.statusCode());
            }
            return r.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpClient logIn(String base, String username, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(http, base + "/login"));
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + username + "&password=" + password + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login of " + username + " failed: " + r.statusCode() + " " + r.headers().map());
        }
        return http;
    }

    /** CPU of the whole process (server and client): unlike latency, barely moved by other work on a shared machine. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
