package io.portage.console.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the gateway answered: its status and body (JSON, or an RFC 9457 problem for a refusal). */
public record Answer(int status, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Answer unavailable(String service) {
        return new Answer(503, "{\"title\":\"Service unavailable\",\"status\":503,\"detail\":\"" + service
                + " could not be reached through the gateway, or did not answer in time; try again shortly\"}");
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The refusal in words a person reads: the problem's title and detail, or the status alone. */
    public Notice problem() {
        try {
            JsonNode problem = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
            String title = problem.path("title").asText("The call was refused (" + status + ")");
            StringBuilder detail = new StringBuilder(problem.path("detail").asText(""));
            problem.path("violations")
                    .forEach(violation -> detail.append(detail.isEmpty() ? "" : "; ")
                            .append(violation.path("field").asText())
                            .append(": ")
                            .append(violation.path("message").asText()));
            return Notice.error(title + " (" + status + ")", detail.toString());
        } catch (JsonProcessingException e) {
            return Notice.error("The call was refused (" + status + ")", "");
        }
    }
}
