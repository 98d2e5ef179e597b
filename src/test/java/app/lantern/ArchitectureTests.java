package app.lantern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
}
