package app.lantern.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.LanternApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code java -jar lantern.jar audit …} as the command line runs it, against the test database. */
class AuditCommandTest {

    @Test
    void verifyCommandPrintsTheResultAndExitsZeroOnAnIntactChain() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = AuditCommand.run(
                LanternApplication.class,
                new String[] {"audit", "verify"},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("audit chain intact")
                .contains("checked entries");
        assertThat(code).isZero();
    }

    @Test
    void unknownCommandPrintsUsageWithoutStartingAnything() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = AuditCommand.run(
                LanternApplication.class,
                new String[] {"audit", "rewrite"},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage");
        assertThat(AuditCommand.wanted(new String[] {"--server.port=9"})).isFalse();
    }
}
