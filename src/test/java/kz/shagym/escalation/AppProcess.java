package kz.shagym.escalation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kz.shagym.LadderHarness;

/**
 * The application as a separate operating-system process, so that a test can kill it with SIGKILL and start it again,
 * or run it with properties of its own (the shared test context's are fixed). Thread-safe: tests load it from many threads.
 */
public final class AppProcess implements AutoCloseable {

    public static final String PASSWORD = "crash-test-password";

    private final Path dataDir;
    private final Path log;
    private final int httpPort = freePort();
    private final int enginePort = freePort();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private String maxHeap = "1g";
    private String name = "app-process";
    private Process process;

    public AppProcess(Path dataDir) {
        this.dataDir = dataDir;
        this.log = dataDir.resolve("app.log");
    }

    /** An application property for every start, as {@code --name=value} on the command line. */
    public AppProcess with(String name, Object value) {
        properties.put(name, String.valueOf(value));
        return this;
    }

    /** The name its log is kept under in target/ after {@link #close()}. */
    public AppProcess named(String name) {
        this.name = name;
        return this;
    }

    public AppProcess maxHeap(String xmx) {
        this.maxHeap = xmx;
        return this;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path log() {
        return log;
    }

    /**
     * Starts the application and waits until health is UP (at once: the resume runs behind), then until the embedded
     * engine has caught up (its resume reported), so that the callers compare a settled engine. Returns the time to UP.
     */
    public Duration start(String clockOffset) throws IOException, InterruptedException {
        long started = System.nanoTime();
        process = new ProcessBuilder(command(clockOffset, List.of())).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Instant deadline = Instant.now().plusSeconds(240);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("application exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    Duration up = Duration.ofNanos(System.nanoTime() - started);
                    awaitCaughtUp(deadline);
                    return up;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("application not UP within 240 s; see " + log);
    }

    /** Until the embedded engine's start-up resume has finished (a cluster's application has no such report: 404). */
    private void awaitCaughtUp(Instant deadline) throws IOException, InterruptedException {
        String auth = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> engine = http.send(HttpRequest.newBuilder(uri("/api/admin/engine"))
                    .header("Authorization", "Basic " + auth).build(), HttpResponse.BodyHandlers.ofString());
            if (engine.statusCode() == 404 || engine.statusCode() == 200 && !json.readTree(engine.body()).path("lastResume").isNull()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the engine did not catch up within 240 s; see " + log);
    }

    /** What a one-off command run of the application ({@link #runToExit}) printed, and how it exited. */
    public record Finished(int exitCode, String output) {}

    /**
     * Runs the application on the same data directory and key as a command that exits by itself (the audit
     * verification, say) with these extra arguments, and waits for it (a start that fails must exit too).
     */
    public Finished runToExit(String... arguments) throws IOException, InterruptedException {
        Path output = Files.createTempFile(dataDir, "command-", ".log");
        Process command = new ProcessBuilder(command("PT0S", List.of(arguments))).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!command.waitFor(2, TimeUnit.MINUTES)) {
            command.destroyForcibly();
            throw new IllegalStateException("command " + List.of(arguments) + " still running after 2 minutes; see " + output);
        }
        return new Finished(command.exitValue(), Files.readString(output));
    }

    private List<String> command(String clockOffset, List<String> extra) {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + maxHeap, "-XX:TieredStopAtLevel=1",
                "-cp", classpath, "kz.shagym.ShagymApplication",
                "--server.port=" + httpPort, "--shagym.engine.port=" + enginePort, "--shagym.data-dir=" + dataDir,
                "--shagym.clock-control=true", "--shagym.admin.password=" + PASSWORD,
                "--shagym.clock.start-offset=" + clockOffset,
                "--shagym.crypto.key=" + kz.shagym.ShagymIntegrationTest.NEW_KEY));
        properties.forEach((name, value) -> command.add("--" + name + "=" + value));
        command.addAll(extra);
        return command;
    }

    /** SIGKILL: no shutdown hooks, no graceful close of the engine or the database. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET(), 200);
    }

    public JsonNode post(String path, String body, int expectedStatus) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), expectedStatus);
    }

    /** Posts and returns the status code, for calls whose refusal is an expected answer (a complaint closed meanwhile). */
    public int postStatus(String path, String body) throws IOException, InterruptedException {
        String auth = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Authorization", "Basic " + auth).timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The application's clock (moved by {@link #advanceClock}), which a restart must carry on from. */
    public Instant now() throws IOException, InterruptedException {
        return Instant.parse(get("/api/clock").get("now").asText());
    }

    /** The application's clock less {@code before}, as an instant the API takes: Almaty's offset, whole seconds. */
    public String ago(Duration before) throws IOException, InterruptedException {
        return LadderHarness.asEntered(now().minus(before));
    }

    /** The clock's offset from real time, to start again "at the same time" after a kill. */
    public String clockOffset() throws IOException, InterruptedException {
        return get("/api/clock").get("offset").asText();
    }

    public void advanceClock(String isoPeriod) throws IOException, InterruptedException {
        post("/api/clock", "{\"add\": \"" + isoPeriod + "\"}", 200);
    }

    private JsonNode send(HttpRequest.Builder request, int expectedStatus) throws IOException, InterruptedException {
        String auth = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(request.header("Authorization", "Basic " + auth)
                .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new AssertionError("HTTP " + response.statusCode() + " from " + response.uri().getPath() + ": " + response.body());
        }
        return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    /** Kills the application if it still runs, and keeps its log under target/ (the data directory is temporary). */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
        try {
            if (Files.exists(log) && Files.isDirectory(Path.of("target"))) {
                Files.copy(log, Path.of("target", name + ".log"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // the log is a convenience; the test's own outcome stands
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
