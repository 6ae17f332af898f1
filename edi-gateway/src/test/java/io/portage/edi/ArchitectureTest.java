package io.portage.edi;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import io.portage.testsupport.ServiceLayers;

@AnalyzeClasses(packages = "io.portage.edi", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = ServiceLayers.of("io.portage.edi");

    @ArchTest
    static final ArchRule httpFree = ServiceLayers.httpFree("io.portage.edi");
}
