package kz.shagym.escalation.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.shagym.escalation.AppProcess;

/**
 * A {@link StandaloneEngine} in its own operating-system process, seen from the test: started once, it outlives every
 * kill and restart of the application, and answers what it did. {@link #clientProperties()} are what the application
 * needs to use it as its remote engine.
 */
final class EngineProcess implements AutoCloseable {

    private final Path log;
    private final Path stateDir;
    private final int grpcPort = freePort();
    private final int httpPort = freePort();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String name;
    private Process process;

    EngineProcess(Path workDir, String name) {
        this.log = workDir.resolve("engine.log");
        this.stateDir = workDir.resolve("engine-state");
        this.name = name;
    }

    /** Starts the engine JVM and waits until its gateway listens. */
    EngineProcess start() throws IOException, InterruptedException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + System.getProperty("shagym.remote.engine-heap", "1g"), "-XX:TieredStopAtLevel=1", "-cp", classpath,
                StandaloneEngine.class.getName(), "--grpc-port=" + grpcPort, "--http-port=" + httpPort,
                "--state-dir=" + stateDir))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("engine exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(request("/health").build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("engine not listening within 120 s; see " + log);
    }

    /** The camunda.client.* settings of a self-managed cluster without authentication, as the embedded mode sets them. */
    Map<String, String> clientProperties() {
        String address = "http://" + StandaloneEngine.HOST + ":" + grpcPort;
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("camunda.client.mode", "self-managed");
        properties.put("camunda.client.grpc-address", address);
        // the test engine speaks gRPC only; the REST address is never used but must be well-formed
        properties.put("camunda.client.rest-address", address);
        properties.put("camunda.client.prefer-rest-over-grpc", "false");
        properties.put("camunda.client.auth.method", "none");
        return properties;
    }

    /** Points the application at this engine as its remote, persistent engine. */
    AppProcess configure(AppProcess app) {
        clientProperties().forEach(app::with);
        return app.with("shagym.engine.mode", "remote").with("shagym.engine.persistent", true);
    }

    /** The engine's record report: see {@link EngineRecordReport#asJson}. */
    JsonNode report() throws IOException, InterruptedException {
        return send(request("/report").timeout(Duration.ofMinutes(2)).GET());
    }

    /** Moves the engine's clock forward, as {@link AppProcess#advanceClock} moves the application's. */
    void advanceClock(String isoDuration) throws IOException, InterruptedException {
        send(request("/clock?add=" + isoDuration).POST(HttpRequest.BodyPublishers.noBody()));
    }

    Instant now() throws IOException, InterruptedException {
        return Instant.parse(send(request("/clock").GET()).get("now").asText());
    }

    Path log() {
        return log;
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("engine answered HTTP " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://" + StandaloneEngine.HOST + ":" + httpPort + path))
                .timeout(Duration.ofSeconds(30));
    }

    /** Stops the engine (closing its standard input is its signal) and keeps its log under target/. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            try {
                process.getOutputStream().close();
            } catch (IOException ignored) {
                // then it is killed below
            }
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
        try {
            if (Files.exists(log) && Files.isDirectory(Path.of("target"))) {
                Files.copy(log, Path.of("target", name + ".log"), StandardCopyOption.REPLACE_EXISTING);
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
