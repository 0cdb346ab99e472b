package kz.shagym.escalation;

/** The embedded engine's port is taken: the start stops with one line naming the setting (see {@link EnginePortInUseAnalyzer}). */
public class EnginePortInUse extends RuntimeException {

    private final String host;
    private final int port;

    EnginePortInUse(String host, int port) {
        super("The embedded engine's port " + port + " on " + host + " is already in use");
        this.host = host;
        this.port = port;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }
}
