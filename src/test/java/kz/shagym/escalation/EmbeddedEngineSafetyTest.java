package kz.shagym.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import kz.shagym.ShagymApplication;
import kz.shagym.clock.ShagymClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The embedded engine's gateway has no authentication, so it listens on loopback only: nobody else on the network can
 * publish a lawyer's act or cancel an instance. A port already in use stops the start with one line naming the setting,
 * not a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedEngineSafetyTest {

    @TempDir
    Path state;

    @Test
    void theEngineListensOnLoopbackOnlyAndIsUnreachableFromTheMachinesOtherAddresses() throws Exception {
        int port = freePort();
        try (EmbeddedEngine engine = new EmbeddedEngine("127.0.0.1", port, new ShagymClock(), state, 32L << 20)) {
            try (Socket loopback = new Socket()) {
                loopback.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
                assertThat(loopback.isConnected()).isTrue();
            }
            // the kernel's own table of listening sockets: this port, bound to 127.0.0.1 and nothing else
            // (127.0.0.1 in /proc/net/tcp, or as an IPv4-mapped address in /proc/net/tcp6)
            assertThat(listeningAddresses(port)).isNotEmpty()
                    .allMatch(a -> a.equals("0100007F") || a.equals("0000000000000000FFFF00000100007F"), "loopback");
            for (InetAddress other : otherAddresses()) {
                try (Socket socket = new Socket()) {
                    assertThatThrownBy(() -> socket.connect(new InetSocketAddress(other, port), 2_000))
                            .as("reached from %s", other).isInstanceOf(IOException.class);
                }
            }
        }
    }

    @Test
    void aPortInUseIsOneLineNamingTheSettingNotAStackTrace(CapturedOutput output) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> new EmbeddedEngine("127.0.0.1", port, new ShagymClock(), state.resolve("direct"), 32L << 20))
                    .isInstanceOf(EnginePortInUse.class).hasMessageContaining(String.valueOf(port));

            assertThatThrownBy(() -> new SpringApplicationBuilder(ShagymApplication.class).run(
                    "--shagym.engine.port=" + port, "--server.port=0", "--server.address=127.0.0.1",
                    "--shagym.data-dir=" + state.resolve("app"),
                    "--spring.datasource.url=jdbc:h2:mem:port-in-use;DB_CLOSE_DELAY=-1"))
                    .hasRootCauseInstanceOf(EnginePortInUse.class);
        }
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "is already in use", "SHAGYM_ENGINE_PORT")
                .doesNotContain("\tat io.camunda", "\tat kz.shagym");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The local addresses of the listening TCP sockets on this port, as /proc/net/tcp and tcp6 write them (hex). */
    private static List<String> listeningAddresses(int port) throws IOException {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                String[] columns = line.trim().split("\\s+");
                if (columns[1].endsWith(hexPort) && "0A".equals(columns[3])) { // 0A = LISTEN
                    addresses.add(columns[1].substring(0, columns[1].indexOf(':')));
                }
            }
        }
        return addresses;
    }

    private static List<InetAddress> otherAddresses() throws IOException {
        List<InetAddress> others = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                Collections.list(nic.getInetAddresses()).stream()
                        .filter(a -> a instanceof java.net.Inet4Address).forEach(others::add);
            }
        }
        return others;
    }
}
