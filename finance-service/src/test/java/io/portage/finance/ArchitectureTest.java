package io.portage.finance;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import io.portage.testsupport.ServiceLayers;

@AnalyzeClasses(packages = "io.portage.finance", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = ServiceLayers.of("io.portage.finance");

    @ArchTest
    static final ArchRule httpFree = ServiceLayers.httpFree("io.portage.finance");
}
