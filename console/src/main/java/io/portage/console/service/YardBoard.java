package io.portage.console.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import io.portage.console.client.Answer;
import io.portage.console.client.GatewayClient;
import io.portage.console.client.Notice;
import io.portage.console.model.Json;
import io.portage.console.model.YardSite;

/** The yard board: every site's doors, trucks on site and dwell, as yard-service answers the person. */
@ApplicationScoped
public class YardBoard {

    private static final TypeReference<List<YardSite>> SITES = new TypeReference<>() {
    };

    private final GatewayClient gateway;

    public YardBoard(GatewayClient gateway) {
        this.gateway = gateway;
    }

    /** The sites, and a notice when the board could not be read. */
    public record Board(List<YardSite> sites, Notice notice) {
    }

    public Board read(Person person) {
        Answer answer = gateway.yardBoard(person.token());
        return answer.ok() ? new Board(Json.read(answer.body(), SITES), null) : new Board(List.of(), answer.problem());
    }
}
