package io.portage.order;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.portage.order", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("rest")
            .definedBy("..order.rest..")
            .layer("service")
            .definedBy("..order.service..")
            .layer("messaging")
            .definedBy("..order.messaging..")
            .layer("repository")
            .definedBy("..order.repository..")
            .layer("domain")
            .definedBy("..order.domain..")
            .layer("config")
            .definedBy("..order.config..")
            .whereLayer("rest")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("service")
            .mayOnlyBeAccessedByLayers("rest")
            .whereLayer("messaging")
            .mayOnlyBeAccessedByLayers("service")
            .whereLayer("repository")
            .mayOnlyBeAccessedByLayers("service")
            .whereLayer("domain")
            .mayOnlyBeAccessedByLayers("rest", "service", "messaging", "repository");
}
