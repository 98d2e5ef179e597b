package app.lantern;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries of ARCHITECTURE.md hold, and the module documentation is written from the code (copied to
 * {@code docs/modules/} and checked in; see docs/architecture.md).
 */
class ModularityTests {

    private static final Path OUT = Path.of("target", "spring-modulith-docs");

    private final ApplicationModules modules = ApplicationModules.of(LanternApplication.class);

    @Test
    void modulesOnlyUseEachOthersApis() {
        modules.verify();
    }

    @Test
    void writesADiagramAndACanvasForEveryModule() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(OUT.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        String overview = Files.readString(OUT.resolve("components.puml"));
        assertThat(overview).contains("@startuml").contains("@enduml");
        for (ApplicationModule module : modules) {
            String name = module.getIdentifier().toString();
            assertThat(overview).contains(module.getDisplayName());
            assertThat(OUT.resolve("module-" + name + ".puml")).isNotEmptyFile();
            assertThat(Files.readString(OUT.resolve("module-" + name + ".adoc")))
                    .contains(module.getBasePackage().getName());
        }
        assertThat(Files.readString(OUT.resolve("module-pipeline.puml")))
                .contains("Customer")
                .contains("Identity");
    }
}
