package io.portage.kit.ops;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.portage.contracts.PersonalData;

/**
 * An exception item's evidence as someone who may not see personal data reads it: the values of fields that name or
 * locate a person (names, streets, contacts, signers) cut to their first character, every e-mail address and phone
 * number in any other text masked (contracts' {@link PersonalData}).
 */
final class PersonalDataMasking {

    /** Field names (lower case, without separators) whose text is a person's name, address or contact. */
    private static final Set<String> PERSONAL = Set.of("name", "firstname", "lastname", "fullname", "contactname",
            "customername", "recipient", "recipientname", "street", "street1", "street2", "address", "address1",
            "address2", "addressline1", "addressline2", "line1", "line2", "email", "phone", "mobile", "signedby",
            "signer", "signername", "driver", "drivername", "contact");
    private static final ObjectMapper JSON = new ObjectMapper();

    private PersonalDataMasking() {
    }

    /** The payload masked: JSON field by field, anything else as text; null stays null. */
    static String payload(String payload) {
        if (payload == null) {
            return null;
        }
        try {
            JsonNode tree = JSON.readTree(payload);
            return tree == null ? PersonalData.maskText(payload) : JSON.writeValueAsString(mask(tree, false));
        } catch (JsonProcessingException e) {
            return PersonalData.maskText(payload);
        }
    }

    static String text(String text) {
        return PersonalData.maskText(text);
    }

    private static JsonNode mask(JsonNode node, boolean personal) {
        if (node.isTextual()) {
            return new TextNode(personal ? PersonalData.mask(node.asText()) : PersonalData.maskText(node.asText()));
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(mask(field.getValue(), personal || isPersonal(field.getKey())));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, mask(node.get(i), personal));
            }
        }
        return node;
    }

    private static boolean isPersonal(String field) {
        return PERSONAL.contains(field.toLowerCase(Locale.ROOT).replace("_", "").replace("-", ""));
    }
}
