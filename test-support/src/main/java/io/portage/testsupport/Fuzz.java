package io.portage.testsupport;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Mutates a valid JSON body the ways clients get it wrong: fields dropped, wrong types, odd values, broken text. */
public final class Fuzz {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Fuzz() {
    }

    /** One to three mutations of a copy of {@code valid}, sometimes cut short or with broken quotes. */
    public static String mutate(JsonNode valid, Random random) {
        JsonNode copy = valid.deepCopy();
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            List<ObjectNode> objects = new ArrayList<>();
            collect(copy, objects);
            ObjectNode target = objects.get(random.nextInt(objects.size()));
            List<String> names = new ArrayList<>();
            target.fieldNames().forEachRemaining(names::add);
            if (names.isEmpty()) {
                continue;
            }
            String field = names.get(random.nextInt(names.size()));
            switch (random.nextInt(9)) {
                case 0 -> target.remove(field);
                case 1 -> target.putNull(field);
                case 2 -> target.put(field, random.nextLong());
                case 3 -> target.put(field, "x".repeat(random.nextInt(2) == 0 ? 0 : 5000));
                case 4 -> target.set(field, NODES.arrayNode().add(1).add("two"));
                case 5 -> target.set(field, NODES.objectNode().put("nested", true));
                case 6 -> target.put(field, -1.5e300);
                case 7 -> target.put(field, "\u0000'; drop table customer_order; -- \u00e9\u4e2d");
                default -> target.put(field + "Extra", "unexpected");
            }
        }
        String text = copy.toString();
        return switch (random.nextInt(12)) {
            case 0 -> text.substring(0, random.nextInt(text.length()));
            case 1 -> text.replace('"', '\'');
            default -> text;
        };
    }

    private static void collect(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
            object.elements().forEachRemaining(child -> collect(child, objects));
        } else if (node instanceof ArrayNode array) {
            for (Iterator<JsonNode> it = array.elements(); it.hasNext();) {
                collect(it.next(), objects);
            }
        }
    }
}
