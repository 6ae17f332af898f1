package io.portage.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering every Portage service follows: rest -> service -> domain/repository, and messaging -> service, one way
 * only: consumers call services, and services publish through a port of their own (an interface in {@code service/})
 * that messaging implements, so no layer depends on messaging and nothing calls rest. Layers a service lacks are fine.
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
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("client")
                .mayOnlyBeAccessedByLayers("service")
                .whereLayer("repository")
                .mayOnlyBeAccessedByLayers("service")
                .whereLayer("domain")
                .mayOnlyBeAccessedByLayers("rest", "service", "messaging", "client", "repository");
    }

    /**
     * Use cases and the domain speak of domain failures, never of HTTP: no class in {@code service/} or {@code domain/}
     * uses JAX-RS, RESTEasy or the kit's problem types; {@code rest/}'s exception mappers choose the status.
     */
    public static ArchRule httpFree(String basePackage) {
        return noClasses().that()
                .resideInAnyPackage(basePackage + ".service..", basePackage + ".domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..", "io.portage.kit.rest..")
                .because("domain failures are domain exceptions; rest/ maps them to problem+json");
    }
}
