package kz.shagym.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * One real SMTP server (GreenMail) for the whole test JVM, on a port picked once, so that every integration test shares
 * one Spring context (ShagymIntegrationTest points spring.mail.* here). Tests may stop it to play "SMTP down" and start
 * it again on the same port; mail received before a stop is kept.
 */
public final class TestMailServer {

    public static final int PORT = freePort();

    private static final ServerSetup SETUP = new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    private static final List<MimeMessage> archive = new ArrayList<>();
    private static GreenMail server;

    static {
        start();
    }

    private TestMailServer() {
    }

    public static synchronized void start() {
        if (server == null) {
            server = new GreenMail(SETUP);
            server.start();
        }
    }

    public static synchronized void stop() {
        if (server != null) {
            archive.addAll(List.of(server.getReceivedMessages()));
            server.stop();
            server = null;
        }
    }

    /** Every message received since the JVM started, across stops. */
    public static synchronized List<MimeMessage> received() {
        List<MimeMessage> all = new ArrayList<>(archive);
        if (server != null) {
            all.addAll(List.of(server.getReceivedMessages()));
        }
        return all;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
