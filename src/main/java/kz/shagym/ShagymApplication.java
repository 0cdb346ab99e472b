package kz.shagym;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ShagymApplication {
    public static void main(String[] args) {
        try {
            SpringApplication.run(ShagymApplication.class, args);
        } catch (RuntimeException | Error failed) {
            // Spring Boot has logged why. The embedded engine's state monitor keeps a non-daemon timer thread (a static
            // of Zeebe Process Test) that would hold a JVM whose start failed open forever: an administrator waiting for
            // the exit status (a port taken, the database held by a running copy) would wait with nothing running.
            System.exit(1);
        }
    }
}
