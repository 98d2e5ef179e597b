package app.lantern.identity;

import static lantern.db.Tables.INSTALLATION;
import static lantern.db.Tables.USERS;

import app.lantern.shared.demo.DemoContext;
import app.lantern.shared.demo.DemoDataContributor;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First start of a database: either the demo organisation (default on a new embedded database) or the first
 * administrator, from {@code LANTERN_ADMIN_PASSWORD} or through a one-time set-up token printed to the log.
 */
@Component
class Installation implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Installation.class);
    static final String DEMO_PASSWORD = "lantern-demo";

    private final DSLContext db;
    private final Environment env;
    private final DataSource dataSource;
    private final List<DemoDataContributor> contributors;
    private final TransactionTemplate tx;
    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final String adminPassword;
    private final int scale;

    Installation(
            DSLContext db,
            Environment env,
            DataSource dataSource,
            List<DemoDataContributor> contributors,
            TransactionTemplate tx,
            UserAccounts accounts,
            PasswordEncoder encoder,
            Clock clock,
            @Value("${lantern.admin-password:}") String adminPassword,
            @Value("${lantern.demo.scale:1}") int scale) {
        this.db = db;
        this.env = env;
        this.dataSource = dataSource;
        this.contributors = contributors.stream()
                .sorted(Comparator.comparingInt(DemoDataContributor::order))
                .toList();
        this.tx = tx;
        this.accounts = accounts;
        this.encoder = encoder;
        this.clock = clock;
        this.adminPassword = adminPassword;
        this.scale = scale;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.getNonOptionArgs().contains("audit")) {
            return;
        }
        var existing = db.selectFrom(INSTALLATION).where(INSTALLATION.ID.eq(1)).fetchOptional();
        if (existing.isPresent()) {
            if (existing.get().getDemo()) {
                printDemoLogins();
            } else if (!db.fetchExists(USERS)) {
                offerSetup();
            }
            return;
        }
        if (demoWanted()) {
            installDemo();
        } else if (!adminPassword.isBlank()) {
            tx.executeWithoutResult(s -> {
                accounts.create(new UserAccounts.NewUser(
                        "admin", "管理员", adminPassword, null, null, null, EnumSet.of(Role.ADMIN)));
                markInstalled(false);
            });
            log.info("Created the first administrator 'admin' from LANTERN_ADMIN_PASSWORD.");
        } else {
            tx.executeWithoutResult(s -> markInstalled(false));
            offerSetup();
        }
    }

    private boolean demoWanted() {
        Optional<Boolean> explicit = Optional.ofNullable(env.getProperty("lantern.demo-data", Boolean.class));
        return explicit.orElseGet(this::embedded) && !db.fetchExists(USERS);
    }

    private boolean embedded() {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL().startsWith("jdbc:h2:");
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    private void installDemo() {
        long started = System.nanoTime();
        DemoContext context = new DemoContext(20260101L, Math.max(1, scale), clock);
        for (DemoDataContributor contributor : contributors) {
            long t = System.nanoTime();
            tx.executeWithoutResult(s -> contributor.contribute(context));
            log.info(
                    "Demo data: {} in {} ms",
                    contributor.getClass().getSimpleName(),
                    (System.nanoTime() - t) / 1_000_000);
        }
        tx.executeWithoutResult(s -> markInstalled(true));
        log.info("Demo organisation created in {} ms", (System.nanoTime() - started) / 1_000_000);
        printDemoLogins();
    }

    private void markInstalled(boolean demo) {
        db.insertInto(INSTALLATION)
                .set(INSTALLATION.ID, 1)
                .set(INSTALLATION.DEMO, demo)
                .set(INSTALLATION.CREATED_AT, OffsetDateTime.now(clock))
                .execute();
    }

    private void offerSetup() {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        tx.executeWithoutResult(s -> db.update(INSTALLATION)
                .set(INSTALLATION.SETUP_TOKEN_HASH, ApiTokens.hash(token))
                .where(INSTALLATION.ID.eq(1))
                .execute());
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        log.warn("""

                ==================================================================
                 Lantern has no administrator yet. Create one within this run at
                   http://localhost:{}/setup?token={}
                 (or restart with LANTERN_ADMIN_PASSWORD set)
                ==================================================================""", port, token);
    }

    /** Creates the first administrator if the token matches; the token works once. */
    @Transactional
    boolean completeSetup(String token, String username, String displayName, String password) {
        var row = db.selectFrom(INSTALLATION)
                .where(INSTALLATION.ID.eq(1))
                .forUpdate()
                .fetchOptional();
        if (row.isEmpty()
                || row.get().getSetupTokenHash() == null
                || token == null
                || !java.security.MessageDigest.isEqual(
                        row.get().getSetupTokenHash().getBytes(),
                        ApiTokens.hash(token).getBytes())
                || db.fetchExists(USERS)) {
            return false;
        }
        accounts.create(
                new UserAccounts.NewUser(username, displayName, password, null, null, null, EnumSet.of(Role.ADMIN)));
        db.update(INSTALLATION)
                .setNull(INSTALLATION.SETUP_TOKEN_HASH)
                .where(INSTALLATION.ID.eq(1))
                .execute();
        return true;
    }

    private void printDemoLogins() {
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        log.info("""

                ==================================================================
                 Lantern 明灯 is running with the demo organisation:
                   http://localhost:{}
                 Sign in with password '{}' as one of:
                   admin · exec · finance · manager1…manager3 · rep1…rep18
                 (reps 1–6 report to manager1, 7–12 to manager2, 13–18 to manager3)
                ==================================================================""", port, DEMO_PASSWORD);
    }
}
