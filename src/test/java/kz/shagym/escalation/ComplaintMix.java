package kz.shagym.escalation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Complaints standing at every rung of the ladder, entered through the REST API as lawyers would enter old cases, from
 * many client threads (registration is latency-bound, so threads give throughput). Each shape is chosen so that one
 * clock advance of a few days makes its timers fire: authorities fall silent, applicants' terms lapse, reminders
 * fall due — letters and mail in bulk.
 */
public final class ComplaintMix {

    /** Where a complaint stands once loaded, and its share of a mix. */
    public enum Shape {
        /** Filed 2 hours ago: the authority's 3 сутки run out within 3 days (silence → a challenge, two letters). */
        AWAITING_AUTHORITY(20),
        /** Registered: an investigation, no running clock. */
        INVESTIGATION(10),
        /** Forwarded without notice: internal security owes one within 3 сутки (silence → a challenge); copy requested. */
        AWAITING_NOTICE(10),
        /** Challenge open, the applicant's 15 сутки to go to court end tomorrow: reminders, then escalation and a motion. */
        JUDGE_FILING_DUE(20),
        /** Complaint to the prosecutor filed, the court route waits for his answer (expected 3 сутки: overdue soon). */
        PROSECUTOR_DECIDING(8),
        /** Complaint to the judge filed 8 days ago: the judge's 10 сутки end in 2 days (silence recorded). */
        JUDGE_DECIDING(8),
        /** The judge refused yesterday: 3 сутки to appeal, reminders, escalation and a motion. */
        APPEAL_FILING_DUE(12),
        /** Appeal refused: domestic remedies exhausted, UN communications drafted. */
        REMEDIES_EXHAUSTED(4),
        /** CAT communication transmitted: the State's 6 months run. */
        UN_STATE_REPLY(4),
        /** Views adopted: the State's follow-up term runs. */
        UN_FOLLOW_UP(4);

        final int weight;

        Shape(int weight) {
            this.weight = weight;
        }

        /** The i-th complaint's shape: the weights repeat every 100 complaints, so every count gets every shape. */
        static Shape of(int i) {
            int slot = Math.floorMod(i * 37, 100);
            for (Shape shape : values()) {
                if (slot < shape.weight) {
                    return shape;
                }
                slot -= shape.weight;
            }
            throw new IllegalStateException("weights do not add up to 100");
        }
    }

    public record Loaded(String id, Shape shape, String lawyer) {}

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    private final AppProcess app;
    private final List<String> lawyers;
    /** Calls and total milliseconds per kind of step (register, event, letter wait): where loading spends its time. */
    private final Map<String, LongAdder[]> timings = new ConcurrentHashMap<>();
    /** Application time minus real time: constant while nobody moves the clock, so "now" needs no request. */
    private volatile Duration offset = Duration.ZERO;

    public ComplaintMix(AppProcess app, List<String> lawyers) {
        this.app = app;
        this.lawyers = List.copyOf(lawyers);
    }

    /** Creates users with e-mail addresses through the admin API; returns their names. */
    public static List<String> users(AppProcess app, String role, int count, String prefix) throws IOException, InterruptedException {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = prefix + "-" + role.toLowerCase() + "-" + i;
            app.post("/api/users", """
                    {"username": "%s", "password": "mix-user-password", "role": "%s", "fullName": "Test %s",
                     "email": "%s@example.org", "language": "%s"}"""
                    .formatted(name, role, name, name, i % 3 == 2 ? "kk" : "ru"), 201);
            names.add(name);
        }
        return names;
    }

    /** Loads {@code count} complaints, numbered from {@code first}, on {@code threads} client threads. */
    public List<Loaded> load(int first, int count, int threads) throws Exception {
        syncClock();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Loaded>> futures = new ArrayList<>();
            for (int i = first; i < first + count; i++) {
                int n = i;
                futures.add(pool.submit(() -> load(Shape.of(n), lawyers.get(Math.floorMod(n, lawyers.size())))));
            }
            List<Loaded> loaded = new ArrayList<>();
            for (Future<Loaded> future : futures) {
                loaded.add(future.get(5, TimeUnit.MINUTES));
            }
            return loaded;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads the application's clock once: call after moving it. */
    public void syncClock() throws IOException, InterruptedException {
        offset = Duration.between(Instant.now(), app.now());
    }

    public Loaded load(Shape shape, String lawyer) throws Exception {
        String id = switch (shape) {
            case AWAITING_AUTHORITY -> register(lawyer, Duration.ofHours(2));
            case INVESTIGATION -> {
                String c = register(lawyer, days(3));
                event(c, "{\"type\": \"REGISTERED\", \"occurredAt\": \"%s\"}".formatted(ago(days(2))));
                yield c;
            }
            case AWAITING_NOTICE -> {
                String c = register(lawyer, days(3));
                event(c, "{\"type\": \"FORWARDED_TO_INTERNAL_SECURITY\", \"occurredAt\": \"%s\"}".formatted(ago(days(2))));
                yield c;
            }
            case JUDGE_FILING_DUE -> {
                String c = register(lawyer, days(16));
                event(c, """
                        {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s", "learnedAt": "%s"}"""
                        .formatted(ago(days(15)), ago(days(14))));
                yield c;
            }
            case PROSECUTOR_DECIDING -> {
                String c = register(lawyer, days(6));
                event(c, """
                        {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s", "learnedAt": "%s", "copyReceivedAt": "%s",
                         "routes": ["PROSECUTOR"]}""".formatted(ago(days(5)), ago(days(5)), ago(days(5))));
                file(c, "COMPLAINT_PROSECUTOR", days(4));
                yield c;
            }
            case JUDGE_DECIDING -> {
                String c = challenged(lawyer, 10);
                file(c, "COMPLAINT_INVESTIGATIVE_JUDGE", days(8));
                yield c;
            }
            case APPEAL_FILING_DUE -> {
                String c = challenged(lawyer, 12);
                file(c, "COMPLAINT_INVESTIGATIVE_JUDGE", days(10));
                refused(c, "INVESTIGATIVE_JUDGE", days(1));
                yield c;
            }
            case REMEDIES_EXHAUSTED -> exhausted(lawyer);
            case UN_STATE_REPLY -> {
                String c = exhausted(lawyer);
                event(c, "{\"type\": \"UN_SUBMITTED\", \"committee\": \"CAT\", \"occurredAt\": \"%s\"}".formatted(ago(days(8))));
                event(c, "{\"type\": \"UN_TRANSMITTED\", \"occurredAt\": \"%s\"}".formatted(ago(days(5))));
                yield c;
            }
            case UN_FOLLOW_UP -> {
                String c = exhausted(lawyer);
                event(c, "{\"type\": \"UN_SUBMITTED\", \"committee\": \"HRC\", \"occurredAt\": \"%s\"}".formatted(ago(days(8))));
                event(c, "{\"type\": \"UN_TRANSMITTED\", \"occurredAt\": \"%s\"}".formatted(ago(days(6))));
                event(c, "{\"type\": \"STATE_REPLY\", \"occurredAt\": \"%s\"}".formatted(ago(days(4))));
                event(c, "{\"type\": \"VIEWS_ADOPTED\", \"occurredAt\": \"%s\"}".formatted(ago(days(2))));
                yield c;
            }
        };
        return new Loaded(id, shape, lawyer);
    }

    /** Forwarded to internal security, learned and copy received the next day: both routes of a challenge open. */
    private String challenged(String lawyer, int filedDaysAgo) throws Exception {
        String c = register(lawyer, days(filedDaysAgo));
        String at = ago(days(filedDaysAgo - 1));
        event(c, """
                {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s", "learnedAt": "%s", "copyReceivedAt": "%s"}"""
                .formatted(at, at, at));
        return c;
    }

    /** The judge and the appeal court refused: domestic remedies exhausted 10 days ago. */
    private String exhausted(String lawyer) throws Exception {
        String c = challenged(lawyer, 30);
        file(c, "COMPLAINT_INVESTIGATIVE_JUDGE", days(28));
        refused(c, "INVESTIGATIVE_JUDGE", days(20));
        file(c, "APPEAL", days(19));
        refused(c, "APPEAL_COURT", days(10));
        return c;
    }

    /**
     * Closes a complaint (the soak keeps its number of open complaints by closing some and loading others); false if it
     * was closed already (409).
     */
    public boolean close(String id) throws Exception {
        int status = app.postStatus("/api/complaints/" + id + "/events",
                "{\"type\": \"CLOSED\", \"occurredAt\": \"%s\", \"note\": \"soak\"}".formatted(ago(Duration.ZERO)));
        if (status != 202 && status != 409) {
            throw new AssertionError("closing complaint " + id + " answered HTTP " + status);
        }
        return status == 202;
    }

    /** "register 300 × 130 ms, event 600 × 80 ms, letter wait 120 × 900 ms". */
    public String timings() {
        StringBuilder text = new StringBuilder();
        new java.util.TreeMap<>(timings).forEach((step, t) -> text.append(text.isEmpty() ? "" : ", ").append("%s %d × %d ms"
                .formatted(step, t[0].sum(), t[0].sum() == 0 ? 0 : t[1].sum() / t[0].sum())));
        return text.toString();
    }

    private <T> T timed(String step, java.util.concurrent.Callable<T> call) throws Exception {
        long started = System.nanoTime();
        try {
            return call.call();
        } finally {
            LongAdder[] t = timings.computeIfAbsent(step, k -> new LongAdder[] {new LongAdder(), new LongAdder()});
            t[0].increment();
            t[1].add((System.nanoTime() - started) / 1_000_000);
        }
    }

    private String register(String lawyer, Duration filedAgo) throws Exception {
        String filedAt = ago(filedAgo);
        return timed("register", () -> app.post("/api/complaints", """
                {"victim": {"fullName": "Нагрузка Тест Тестович", "birthDate": "1980-02-03"}, "region": "Алматы",
                 "allegation": "TORTURE", "incidentDate": "%s", "filedWith": "POLICE", "filedAt": "%s", "language": "ru",
                 "lawyer": "%s"}""".formatted(filedAt.substring(0, 10), filedAt, lawyer), 201).get("id").asText());
    }

    private void event(String id, String json) throws Exception {
        timed("event", () -> app.post("/api/complaints/" + id + "/events", json, 202));
    }

    private void refused(String id, String authority, Duration decidedAgo) throws Exception {
        event(id, """
                {"type": "DECISION", "authority": "%s", "outcome": "REFUSED", "decidedAt": "%s", "copyReceivedAt": "%s"}"""
                .formatted(authority, ago(decidedAgo), ago(decidedAgo)));
    }

    /** Files the rung's letter once the engine has drafted it, as a lawyer would. */
    private void file(String id, String kind, Duration filedAgo) throws Exception {
        String letter = timed("letter wait", () -> awaitLetter(id, kind));
        event(id, """
                {"type": "FILED", "letterId": "%s", "filedAt": "%s", "channel": "IN_PERSON"}""".formatted(letter, ago(filedAgo)));
    }

    private String awaitLetter(String id, String kind) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            for (JsonNode letter : app.get("/api/complaints/" + id + "/letters")) {
                if (kind.equals(letter.get("kind").asText())) {
                    return letter.get("id").asText();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + kind + " letter drafted for complaint " + id + " within 3 minutes");
    }

    private String ago(Duration before) {
        return Instant.now().plus(offset).minus(before).atZone(ALMATY).toOffsetDateTime()
                .truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Duration days(int n) {
        return Duration.ofDays(n);
    }
}
