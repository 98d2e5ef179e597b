package app.lantern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** What Spring Modulith does not check: where controllers live, how things are wired, what the web layer may touch. */
class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.lantern");

    @Test
    void controllersLiveInWebPackages() {
        classes()
                .that()
                .areAnnotatedWith(Controller.class)
                .or()
                .areAnnotatedWith(RestController.class)
                .should()
                .resideInAPackage("..web..")
                .check(classes);
    }

    @Test
    void controllersAreNotPublic() {
        classes()
                .that()
                .areAnnotatedWith(Controller.class)
                .or()
                .areAnnotatedWith(RestController.class)
                .should()
                .notBePublic()
                .check(classes);
    }

    @Test
    void noFieldInjection() {
        fields().should()
                .notBeAnnotatedWith(Autowired.class)
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void webLayerDoesNotRunSql() {
        noClasses()
                .that()
                .resideInAPackage("..web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.jooq..", "lantern.db..", "org.springframework.jdbc..")
                .check(classes);
    }

    @Test
    void noModuleUsesLombokOrSystemOut() {
        noClasses().should().dependOnClassesThat().resideInAPackage("lombok..").check(classes);
        noClasses()
                .that()
                .doNotHaveSimpleName("LanternApplication")
                .should()
                .accessField(System.class, "out")
                .because("logs go through SLF4J; only the command line prints")
                .check(classes);
    }

    /**
     * Time comes only from the injected {@link java.time.Clock} (main code) or the suite's clock (tests), so the suite
     * passes on any date and {@code LANTERN_TEST_CLOCK} moves all of it at once.
     */
    @Test
    void timeIsReadOnlyThroughTheClock() {
        JavaClasses mainAndTests = new ClassFileImporter().importPackages("app.lantern");
        classes()
                .should(readTimeOnlyThroughAClock())
                .because("a date-dependent test is a time bomb: read time from the injected Clock")
                .check(mainAndTests);
    }

    private static ArchCondition<JavaClass> readTimeOnlyThroughAClock() {
        Set<String> timeTypes = Set.of(
                "java.time.Instant",
                "java.time.LocalDate",
                "java.time.LocalDateTime",
                "java.time.LocalTime",
                "java.time.OffsetDateTime",
                "java.time.OffsetTime",
                "java.time.ZonedDateTime",
                "java.time.YearMonth",
                "java.time.Year",
                "java.time.MonthDay");
        return new ArchCondition<>("read time only through a clock") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (JavaMethodCall call : item.getMethodCallsFromSelf()) {
                    String owner = call.getTargetOwner().getName();
                    String name = call.getName();
                    boolean systemNow = name.equals("now")
                            && timeTypes.contains(owner)
                            && !call.getTarget().getRawParameterTypes().stream()
                                    .map(JavaClass::getName)
                                    .toList()
                                    .equals(List.of("java.time.Clock"));
                    boolean systemMillis = owner.equals("java.lang.System") && name.equals("currentTimeMillis");
                    boolean defaultClock = owner.equals("java.time.Clock")
                            && (name.equals("systemDefaultZone") || name.equals("systemUTC"));
                    if (systemNow || systemMillis || defaultClock) {
                        events.add(SimpleConditionEvent.violated(call, call.getDescription()));
                    }
                }
                for (JavaConstructorCall call : item.getConstructorCallsFromSelf()) {
                    if (call.getTargetOwner().getName().equals("java.util.Date")
                            && call.getTarget().getRawParameterTypes().isEmpty()) {
                        events.add(SimpleConditionEvent.violated(call, call.getDescription()));
                    }
                }
            }
        };
    }
}
