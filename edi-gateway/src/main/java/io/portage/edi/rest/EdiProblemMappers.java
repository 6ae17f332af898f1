package io.portage.edi.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.portage.edi.service.FileNotFoundException;
import io.portage.kit.rest.ProblemException;
import io.portage.kit.rest.ProblemMappers;

/** edi-gateway's domain failures as problem+json (runtime-kit's {@link ProblemMappers}). */
public class EdiProblemMappers {

    private final ProblemMappers problems;

    public EdiProblemMappers(ProblemMappers problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper
    public Response notFound(FileNotFoundException e, UriInfo uri) {
        return problems.problem(ProblemException.notFound("EDI file", e.id()), uri);
    }
}
