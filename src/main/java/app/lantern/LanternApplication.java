package app.lantern;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class LanternApplication {

    public static void main(String[] args) {
        SpringApplication.run(LanternApplication.class, args);
    }
}
