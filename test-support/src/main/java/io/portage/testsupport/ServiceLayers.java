package io.portage.testsupport;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering every Portage service follows: rest -> service -> domain/repository; inbound messaging (consumers)
 * calls services, services call outbound messaging (publishers); nothing calls rest. Layers a service lacks are fine.
 */
public final class ServiceLayers {

    private ServiceLayers() {
    }

    public static ArchRule of(String basePackage) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("rest")
                .definedBy(basePackage + ".rest..")
                .layer("service")
                .definedBy(basePackage + ".service..")
                .layer("messaging")
                .definedBy(basePackage + ".messaging..")
                .layer("client")
                .definedBy(basePackage + ".client..")
                .layer("repository")
                .definedBy(basePackage + ".repository..")
                .layer("domain")
                .definedBy(basePackage + ".domain..")
                .whereLayer("rest")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("service")
                .mayOnlyBeAccessedByLayers("rest", "messaging")
                .whereLayer("messaging")
                .mayOnlyBeAccessedByLayers("service")
                .whereLayer("client")
                .mayOnlyBeAccessedByLayers("service")
                .whereLayer("repository")
                .mayOnlyBeAccessedByLayers("service")
                .whereLayer("domain")
                .mayOnlyBeAccessedByLayers("rest", "service", "messaging", "client", "repository");
    }
}
