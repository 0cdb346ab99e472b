package kz.shagym.escalation;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Default mode embeds the in-memory Zeebe engine; the Camunda client must know the engine's gRPC port before any
 * bean exists, so the port is fixed here (configured, or a free one when shagym.engine.port=0) and the client's
 * address derived from it. In the production profile nothing is touched: camunda.client.* points at the cluster.
 */
public class EmbeddedEngineEnvironment implements EnvironmentPostProcessor {

    static final String MODE = "shagym.engine.mode";
    static final String PORT = "shagym.engine.port";
    /** The address the embedded engine's gateway listens on: loopback, as it has no authentication. */
    static final String HOST = "shagym.engine.host";
    static final String RESOLVED_PORT = "shagym.engine.resolved-port";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!embedded(environment)) {
            return;
        }
        int port = environment.getProperty(PORT, Integer.class, 26500);
        if (port == 0) {
            port = freePort();
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put(RESOLVED_PORT, port);
        properties.put("camunda.client.mode", "self-managed");
        String host = environment.getProperty(HOST, "127.0.0.1");
        properties.put(HOST, host);
        String address = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        properties.put("camunda.client.grpc-address", address);
        // The in-memory engine speaks gRPC only; the REST address is never used but must be well-formed.
        properties.put("camunda.client.rest-address", address);
        properties.put("camunda.client.prefer-rest-over-grpc", "false");
        properties.put("camunda.client.auth.method", "none");
        environment.getPropertySources().addFirst(new MapPropertySource("shagymEmbeddedEngine", properties));
    }

    static boolean embedded(ConfigurableEnvironment environment) {
        return !environment.acceptsProfiles(Profiles.of("production"))
                && "embedded".equals(environment.getProperty(MODE, "embedded"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port for the embedded engine", e);
        }
    }
}
