package kz.shagym.escalation.remote;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineLog;
import io.camunda.zeebe.process.test.engine.RocksDbTestEngines;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * The application's embedded engine (Zeebe Process Test's, with RocksDB state) run in a JVM of its own, standing in
 * for a Camunda cluster: it keeps its instances, timers and jobs while the application is killed and started again, as
 * a cluster does. Its gRPC gateway listens on loopback; a second loopback port answers over HTTP:
 * <ul>
 *   <li>{@code GET /report}: what the engine did, read from its record stream ({@link EngineRecordReport});</li>
 *   <li>{@code GET /clock}, {@code POST /clock?add=P3D}: the engine's clock, moved forward as the application's is
 *       (the application cannot move a remote engine's clock; timers carry absolute dates, so both must agree);</li>
 *   <li>{@code GET /health}: 200 once the gateway listens.</li>
 * </ul>
 * It exits when its standard input closes, so that it does not outlive the test (or benchmark) that started it.
 *
 * <p>Arguments: {@code --grpc-port=N --http-port=M --state-dir=DIR [--state-memory-mb=128]}. The state directory must
 * be empty or absent. The record log is in memory, as in the embedded engine: the engine survives application
 * restarts, not its own.
 */
public final class StandaloneEngine {

    /** Loopback only: the test engine's gateway has no authentication. */
    static final String HOST = "127.0.0.1";

    private final ZeebeTestEngine engine;
    private final EngineLog log;
    private final ObjectMapper json = new ObjectMapper();
    /** Engine time less real time: the test engine's clock starts at system time and only moves by increaseTime. */
    private volatile Duration offset = Duration.ZERO;

    private StandaloneEngine(ZeebeTestEngine engine, EngineLog log) {
        this.engine = engine;
        this.log = log;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int grpcPort = Integer.parseInt(required(options, "grpc-port"));
        int httpPort = Integer.parseInt(required(options, "http-port"));
        Path stateDir = Path.of(required(options, "state-dir"));
        long memory = Long.parseLong(options.getOrDefault("state-memory-mb", "128")) * 1024 * 1024;
        Files.createDirectories(stateDir.getParent() == null ? stateDir : stateDir.getParent());

        RocksDbTestEngines.Built built = RocksDbTestEngines.create(HOST, grpcPort, stateDir.toFile(), memory);
        built.engine().start();
        StandaloneEngine standalone = new StandaloneEngine(built.engine(), built.log());
        HttpServer http = standalone.serve(httpPort);
        System.out.printf("standalone engine: gRPC %s:%d, report http://%s:%d/report, state %s%n", HOST, grpcPort, HOST,
                httpPort, stateDir);

        CountDownLatch stop = new CountDownLatch(1);
        Thread watch = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // nothing is ever sent: the read returns only when the parent closes the pipe or dies
                }
            } catch (IOException closed) {
                // the same: the parent is gone
            }
            stop.countDown();
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
        stop.await();
        http.stop(0);
        built.engine().stop();
        System.exit(0);
    }

    private HttpServer serve(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(HOST, port), 16);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/health", exchange -> respond(exchange, 200, Map.of("status", "UP")));
        server.createContext("/clock", exchange -> {
            if ("POST".equals(exchange.getRequestMethod())) {
                String add = query(exchange).get("add");
                Duration by;
                try {
                    by = Duration.parse(add);
                } catch (RuntimeException e) {
                    respond(exchange, 400, Map.of("error", "add must be an ISO period such as P3D or PT2H, not " + add));
                    return;
                }
                if (by.isNegative() || by.isZero()) {
                    respond(exchange, 400, Map.of("error", "the clock only moves forward"));
                    return;
                }
                synchronized (this) {
                    engine.increaseTime(by);
                    offset = offset.plus(by);
                }
            }
            respond(exchange, 200, Map.of("now", now().toString(), "offset", offset.toString()));
        });
        server.createContext("/report", exchange -> {
            try {
                respond(exchange, 200, report().asJson(now()));
            } catch (RuntimeException e) {
                respond(exchange, 500, Map.of("error", String.valueOf(e)));
            }
        });
        server.start();
        return server;
    }

    private Instant now() {
        return Instant.now().plus(offset);
    }

    /** One pass over the record log; an append that collides with the read makes it read again (as the app's check does). */
    private EngineRecordReport report() {
        for (int attempt = 1; ; attempt++) {
            try {
                EngineRecordReport report = new EngineRecordReport();
                log.forEachRecord(report::apply);
                return report;
            } catch (ConcurrentModificationException | IndexOutOfBoundsException e) {
                if (attempt == 10) {
                    throw new IllegalStateException("the record stream kept changing under the report", e);
                }
            }
        }
    }

    private void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> parameters = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    parameters.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + "=... is required");
        }
        return value;
    }
}
