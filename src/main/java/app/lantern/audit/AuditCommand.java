package app.lantern.audit;

import java.io.PrintStream;
import java.util.Optional;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar lantern.jar audit verify|checkpoint}: runs against the configured database without listening on a
 * port and without the scheduler, prints the result and answers an exit code (0 intact / done, 1 broken, 2 usage).
 */
public final class AuditCommand {

    private AuditCommand() {}

    /** Whether the command line asks for an audit command rather than the server. */
    public static boolean wanted(String[] args) {
        return args.length > 0 && "audit".equals(args[0]);
    }

    /** Starts a non-web application context of {@code application}, runs the command and closes the context. */
    public static int run(Class<?> application, String[] args, PrintStream out) {
        String command = args.length > 1 ? args[1] : "";
        if (!command.equals("verify") && !command.equals("checkpoint")) {
            out.println("usage: java -jar lantern.jar audit verify|checkpoint");
            return 2;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                // a servlet context, so that web configuration resolves, but no server: port -1 never listens
                .web(WebApplicationType.SERVLET)
                .logStartupInfo(false)
                .properties(
                        "spring.main.banner-mode=off",
                        "server.port=-1",
                        "db-scheduler.enabled=false",
                        "spring.modulith.events.republish-outstanding-events-on-restart=false",
                        "logging.level.root=error",
                        "logging.level.app.lantern=warn")
                .run(args)) {
            return command.equals("verify")
                    ? verify(context.getBean(AuditVerification.class), out)
                    : checkpoint(context.getBean(AuditCheckpoints.class), out);
        }
    }

    static int verify(AuditVerification verification, PrintStream out) {
        AuditVerificationResult r = verification.verify();
        out.println(r.intact() ? "audit chain intact" : "audit chain BROKEN");
        out.printf("  checked entries:   %d (head #%d)%n", r.checked(), r.headSeq());
        if (r.legacy() > 0) {
            out.printf("  legacy entries:    %d (written before the chain format, not covered)%n", r.legacy());
        }
        out.printf(
                "  last checkpoint:   %s%n",
                r.lastCheckpointSeq() == null ? "none" : "#" + r.lastCheckpointSeq() + " at " + r.lastCheckpointAt());
        out.printf("  append-only guard: %s%n", r.guard());
        if (!r.intact()) {
            AuditVerificationResult.Break b = r.firstBroken();
            out.printf("  broken links:      %d%n", r.broken());
            out.printf(
                    "  first broken:      #%d (id %s) %s%n",
                    b.seq(), Optional.ofNullable(b.id()).orElse("-"), b.kind());
            out.printf("    expected: %s%n", b.expected());
            out.printf("    found:    %s%n", b.found());
        }
        out.printf("  took %d ms%n", r.durationMillis());
        return r.intact() ? 0 : 1;
    }

    static int checkpoint(AuditCheckpoints checkpoints, PrintStream out) {
        Optional<AuditCheckpoint> c = checkpoints.checkpoint("manual");
        out.println(c.map(x -> "audit checkpoint #" + x.seq() + " " + x.hash())
                .orElse("audit chain is empty; no checkpoint"));
        return 0;
    }
}
