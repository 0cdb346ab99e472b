package kz.shagym.escalation.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import kz.shagym.LadderHarness;
import kz.shagym.escalation.AppProcess;

/**
 * Lawyers entering complaints and their acts through the REST API from several threads, without pause, and (unless told
 * to wait for the application to be UP) whenever its port answers, start-up included, as browsers do when no load
 * balancer holds them back: a request the application never answered (it was killed, or not yet listening) is neither
 * acknowledged nor retried — the lawyer moves on to the next complaint. Every act the API acknowledged (201 for a
 * complaint, 202 for an event) is kept by its id, to be looked for in the ledger afterwards.
 *
 * <p>The shapes mix the two ways the application talks to the engine — a complaint's first start, and a re-plan when
 * an act moves it to another rung — with deadlines that lapse at once (a timer due on start), within a day, and
 * within three days of the application's clock.
 */
final class AcknowledgedLoad implements AutoCloseable {

    enum Shape {
        /** Filed 5 days ago: the authority's 3 сутки are over when the ladder starts, its timer fires at once. */
        AUTHORITY_LAPSED,
        /** Filed 2 hours ago: the authority's 3 сутки run out within the next 3 days. */
        AWAITING_AUTHORITY,
        /** Registered: re-planned into an investigation (no running clock). */
        INVESTIGATION,
        /** Forwarded to internal security without notice: it owes one within 3 сутки. */
        AWAITING_NOTICE,
        /** Challenge open, the applicant's 15 сутки to go to court end tomorrow: reminder and escalation timers. */
        JUDGE_FILING_DUE;

        static Shape of(int n) {
            return values()[Math.floorMod(n, values().length)];
        }
    }

    private final AppProcess app;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private volatile boolean running = true;
    /** Whether lawyers wait while the application is down or starting, instead of sending into the start-up. */
    private final boolean waitForUp;
    private volatile boolean up = true;
    /** Application time less real time, kept by the test as it moves the clock (one request less per act). */
    private volatile Duration offset = Duration.ZERO;
    /** A complaint whose registration the API acknowledged, and when its request was sent. */
    record Entered(Shape shape, Instant sentAt) {}

    /** Complaint id → how it was entered, for complaints whose registration the API acknowledged. */
    private final Map<String, Entered> complaints = new ConcurrentHashMap<>();
    /** Event id → complaint id, for events the API acknowledged. */
    private final Map<String, String> events = new ConcurrentHashMap<>();
    private final LongAdder unanswered = new LongAdder();
    /** Answers other than 201/202 that the application gave (a refusal is not an acknowledgement): "status path". */
    private final Set<String> refusals = ConcurrentHashMap.newKeySet();
    private final LongAdder refused = new LongAdder();

    AcknowledgedLoad(AppProcess app, boolean waitForUp) {
        this.app = app;
        this.waitForUp = waitForUp;
    }

    /** The application was killed: with {@code waitForUp}, no new act is sent until {@link #appUp()}. */
    void appDown() {
        up = false;
    }

    void appUp() {
        up = true;
    }

    AcknowledgedLoad start(int threadCount) {
        for (int i = 0; i < threadCount; i++) {
            Thread thread = new Thread(this::run, "lawyer-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        return this;
    }

    void clockOffset(Duration offset) {
        this.offset = offset;
    }

    /** Acts the API acknowledged so far: complaints registered plus events recorded. */
    int acknowledged() {
        return complaints.size() + events.size();
    }

    Map<String, Entered> complaints() {
        return Map.copyOf(complaints);
    }

    Map<String, String> events() {
        return Map.copyOf(events);
    }

    long unanswered() {
        return unanswered.sum();
    }

    long refused() {
        return refused.sum();
    }

    /** A few of the refusals, for the report. */
    List<String> refusalExamples() {
        return refusals.stream().limit(10).toList();
    }

    private void run() {
        while (running) {
            if (waitForUp && !up) {
                pause(Duration.ofMillis(50));
                continue;
            }
            Shape shape = Shape.of(next.getAndIncrement());
            try {
                enter(shape);
            } catch (IOException unansweredRequest) {
                // killed or not started: the next complaint, after a moment (no busy loop against a closed port)
                unanswered.increment();
                pause(Duration.ofMillis(100));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void enter(Shape shape) throws IOException, InterruptedException {
        switch (shape) {
            case AUTHORITY_LAPSED -> register(shape, Duration.ofDays(5));
            case AWAITING_AUTHORITY -> register(shape, Duration.ofHours(2));
            case INVESTIGATION -> {
                String c = register(shape, Duration.ofDays(3));
                if (c != null) {
                    event(c, "REGISTERED", "{\"type\": \"REGISTERED\", \"occurredAt\": \"%s\"}".formatted(ago(Duration.ofDays(2))));
                }
            }
            case AWAITING_NOTICE -> {
                String c = register(shape, Duration.ofDays(3));
                if (c != null) {
                    event(c, "FORWARDED_TO_INTERNAL_SECURITY", "{\"type\": \"FORWARDED_TO_INTERNAL_SECURITY\", \"occurredAt\": \"%s\"}"
                            .formatted(ago(Duration.ofDays(2))));
                }
            }
            case JUDGE_FILING_DUE -> {
                String c = register(shape, Duration.ofDays(16));
                if (c != null) {
                    event(c, "FORWARDED_TO_INTERNAL_SECURITY", """
                            {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s", "learnedAt": "%s"}"""
                            .formatted(ago(Duration.ofDays(15)), ago(Duration.ofDays(14))));
                }
            }
        }
    }

    /** The complaint's id once acknowledged; null if the application refused it. */
    private String register(Shape shape, Duration filedAgo) throws IOException, InterruptedException {
        Instant sentAt = Instant.now();
        JsonNode created = post("/api/complaints", LadderHarness.complaintJson("POLICE", ago(filedAgo)), 201);
        if (created == null) {
            return null;
        }
        String id = created.get("id").asText();
        complaints.put(id, new Entered(shape, sentAt));
        return id;
    }

    private void event(String complaint, String type, String body) throws IOException, InterruptedException {
        JsonNode view = post("/api/complaints/" + complaint + "/events", body, 202);
        if (view == null) {
            return;
        }
        // the act just recorded: the latest entry of its type the lawyer recorded (the engine's own come with source ENGINE)
        JsonNode recorded = null;
        for (JsonNode entry : view.get("history")) {
            if (type.equals(entry.get("type").asText()) && !"ENGINE".equals(entry.path("source").asText())
                    && (recorded == null || entry.get("seq").asInt() > recorded.get("seq").asInt())) {
                recorded = entry;
            }
        }
        if (recorded == null) {
            throw new AssertionError("the API acknowledged a " + type + " on complaint " + complaint
                    + " that its own answer does not show: " + view);
        }
        events.put(recorded.get("id").asText(), complaint);
    }

    /** The answer's body if the application answered as expected; null if it refused (counted); IOException if it never answered. */
    private JsonNode post(String path, String body, int expected) throws IOException, InterruptedException {
        try {
            return app.post(path, body, expected);
        } catch (AssertionError refusal) {
            refused.increment();
            String message = String.valueOf(refusal.getMessage());
            refusals.add(message.length() > 300 ? message.substring(0, 300) : message);
            return null;
        }
    }

    private String ago(Duration before) {
        return LadderHarness.asEntered(Instant.now().plus(offset).minus(before));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the lawyers; the acts in flight finish (or fail) first. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(Duration.ofMinutes(3));
        }
    }
}
