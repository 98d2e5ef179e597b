package app.lantern;

import app.lantern.audit.AuditCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class LanternApplication {

    public static void main(String[] args) {
        if (AuditCommand.wanted(args)) {
            System.exit(AuditCommand.run(LanternApplication.class, args, System.out));
        }
        SpringApplication.run(LanternApplication.class, args);
    }
}
