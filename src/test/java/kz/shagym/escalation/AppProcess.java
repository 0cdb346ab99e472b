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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The application as a separate operating-system process, so that a test can kill it with SIGKILL and start it again. */
final class AppProcess implements AutoCloseable {

    static final String PASSWORD = "crash-test-password";

    private final Path dataDir;
    private final Path log;
    private final int httpPort = freePort();
    private final int enginePort = freePort();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private Process process;

    AppProcess(Path dataDir) {
        this.dataDir = dataDir;
        this.log = dataDir.resolve("app.log");
    }

    /** Starts the application and waits until health is UP (open complaints resumed). Returns the start-up time. */
    Duration start(String clockOffset) throws IOException, InterruptedException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-XX:TieredStopAtLevel=1",
                "-cp", classpath, "kz.shagym.ShagymApplication",
                "--server.port=" + httpPort, "--shagym.engine.port=" + enginePort, "--shagym.data-dir=" + dataDir,
                "--shagym.clock-control=true", "--shagym.admin.password=" + PASSWORD,
                "--shagym.clock.start-offset=" + clockOffset,
                "--shagym.crypto.key=" + kz.shagym.ShagymIntegrationTest.NEW_KEY));
        long started = System.nanoTime();
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("application exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("application not UP within 120 s; see " + log);
    }

    /** SIGKILL: no shutdown hooks, no graceful close of the engine or the database. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET(), 200);
    }

    JsonNode post(String path, String body, int expectedStatus) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), expectedStatus);
    }

    private JsonNode send(HttpRequest.Builder request, int expectedStatus) throws IOException, InterruptedException {
        String auth = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(request.header("Authorization", "Basic " + auth).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
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
