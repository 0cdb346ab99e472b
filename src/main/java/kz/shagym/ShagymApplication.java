package kz.shagym;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ShagymApplication {
    public static void main(String[] args) {
        SpringApplication.run(ShagymApplication.class, args);
    }
}
