package io.portage.odoo.connector.transport;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An XML-RPC encoder and decoder (StAX) for Odoo's {@code /xmlrpc/2}: Java values out, Jackson nodes back. */
public final class XmlRpc {

    private static final XMLOutputFactory OUT = XMLOutputFactory.newFactory();
    private static final XMLInputFactory IN = XMLInputFactory.newFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static {
        IN.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        IN.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        IN.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    private XmlRpc() {
    }

    /** A decoded {@code methodResponse}: either a value or a fault. */
    public record Response(JsonNode value, Integer faultCode, String faultString) {

        public boolean isFault() {
            return faultCode != null;
        }
    }

    /** {@code <methodCall>} for a method and its parameters (maps, lists, strings, numbers, booleans, null, Jackson nodes). */
    public static String methodCall(String method, List<?> params) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter w = OUT.createXMLStreamWriter(text);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("methodCall");
            element(w, "methodName", method);
            w.writeStartElement("params");
            for (Object param : params) {
                w.writeStartElement("param");
                value(w, param);
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("cannot encode XML-RPC call " + method, e);
        }
        return text.toString();
    }

    private static void value(XMLStreamWriter w, Object v) throws XMLStreamException {
        w.writeStartElement("value");
        if (v instanceof JsonNode node) {
            node(w, node);
        } else if (v == null) {
            w.writeEmptyElement("nil");
        } else if (v instanceof Boolean b) {
            element(w, "boolean", b ? "1" : "0");
        } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            element(w, "int", v.toString());
        } else if (v instanceof Long l) {
            if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
                element(w, "int", l.toString());
            } else {
                element(w, "double", l.toString());
            }
        } else if (v instanceof Number n) {
            element(w, "double", new BigDecimal(n.toString()).toPlainString());
        } else if (v instanceof Map<?, ?> map) {
            w.writeStartElement("struct");
            for (Map.Entry<?, ?> e : map.entrySet()) {
                w.writeStartElement("member");
                element(w, "name", String.valueOf(e.getKey()));
                value(w, e.getValue());
                w.writeEndElement();
            }
            w.writeEndElement();
        } else if (v instanceof Iterable<?> list) {
            w.writeStartElement("array");
            w.writeStartElement("data");
            for (Object item : list) {
                value(w, item);
            }
            w.writeEndElement();
            w.writeEndElement();
        } else if (v instanceof Object[] array) {
            value0(w, List.of(array));
        } else {
            element(w, "string", v.toString());
        }
        w.writeEndElement();
    }

    private static void value0(XMLStreamWriter w, List<?> list) throws XMLStreamException {
        w.writeStartElement("array");
        w.writeStartElement("data");
        for (Object item : list) {
            value(w, item);
        }
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void node(XMLStreamWriter w, JsonNode node) throws XMLStreamException {
        if (node.isNull() || node.isMissingNode()) {
            w.writeEmptyElement("nil");
        } else if (node.isBoolean()) {
            element(w, "boolean", node.booleanValue() ? "1" : "0");
        } else if (node.isIntegralNumber() && node.canConvertToInt()) {
            element(w, "int", node.asText());
        } else if (node.isNumber()) {
            element(w, "double", node.decimalValue().toPlainString());
        } else if (node.isObject()) {
            w.writeStartElement("struct");
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                w.writeStartElement("member");
                element(w, "name", e.getKey());
                value(w, e.getValue());
                w.writeEndElement();
            }
            w.writeEndElement();
        } else if (node.isArray()) {
            w.writeStartElement("array");
            w.writeStartElement("data");
            for (JsonNode item : node) {
                value(w, item);
            }
            w.writeEndElement();
            w.writeEndElement();
        } else {
            element(w, "string", node.asText());
        }
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    /** Decodes a {@code <methodResponse>} with one param or a fault. */
    public static Response parseResponse(String xml) {
        try {
            XMLStreamReader r = IN.createXMLStreamReader(new StringReader(xml));
            try {
                nextStart(r);
                expect(r, "methodResponse");
                nextStart(r);
                if ("fault".equals(r.getLocalName())) {
                    nextStart(r);
                    JsonNode fault = readValue(r);
                    return new Response(null, fault.path("faultCode").asInt(1), fault.path("faultString").asText(""));
                }
                expect(r, "params");
                nextStart(r);
                expect(r, "param");
                nextStart(r);
                return new Response(readValue(r), null, null);
            } finally {
                r.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw new IllegalArgumentException("not an XML-RPC response: " + e.getMessage(), e);
        }
    }

    /** Reads a {@code <value>} the reader is positioned on, leaving it on the value's end tag. */
    private static JsonNode readValue(XMLStreamReader r) throws XMLStreamException {
        expect(r, "value");
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = r.next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(r.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return NODES.textNode(text.toString());
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                JsonNode typed = readTyped(r);
                skipToEnd(r, "value");
                return typed;
            }
        }
    }

    private static JsonNode readTyped(XMLStreamReader r) throws XMLStreamException {
        String type = r.getLocalName();
        switch (type) {
            case "struct" : {
                ObjectNode object = NODES.objectNode();
                while (nextStartOrEnd(r, "struct")) {
                    expect(r, "member");
                    String name = null;
                    JsonNode value = null;
                    while (nextStartOrEnd(r, "member")) {
                        if ("name".equals(r.getLocalName())) {
                            name = r.getElementText();
                        } else {
                            value = readValue(r);
                        }
                    }
                    object.set(name, value == null ? NODES.nullNode() : value);
                }
                return object;
            }
            case "array" : {
                ArrayNode array = NODES.arrayNode();
                nextStart(r);
                expect(r, "data");
                while (nextStartOrEnd(r, "data")) {
                    array.add(readValue(r));
                }
                skipToEnd(r, "array");
                return array;
            }
            case "nil" :
                skipToEnd(r, "nil");
                return NODES.nullNode();
            default :
                String text = r.getElementText().strip();
                return switch (type) {
                    case "int", "i4", "i8" -> {
                        BigInteger big = new BigInteger(text);
                        yield big.bitLength() < 32 ? NODES.numberNode(big.intValue()) : NODES.numberNode(big.longValue());
                    }
                    case "boolean" -> NODES.booleanNode("1".equals(text) || "true".equalsIgnoreCase(text));
                    case "double" -> NODES.numberNode(Double.parseDouble(text));
                    default -> NODES.textNode(text);
                };
        }
    }

    private static void nextStart(XMLStreamReader r) throws XMLStreamException {
        while (r.next() != XMLStreamConstants.START_ELEMENT) {
            if (!r.hasNext()) {
                throw new XMLStreamException("unexpected end of document");
            }
        }
    }

    /** Moves to the next start tag (true) or to the end tag of {@code parent} (false). */
    private static boolean nextStartOrEnd(XMLStreamReader r, String parent) throws XMLStreamException {
        while (true) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT && parent.equals(r.getLocalName())) {
                return false;
            }
        }
    }

    private static void skipToEnd(XMLStreamReader r, String name) throws XMLStreamException {
        if (r.isEndElement() && name.equals(r.getLocalName())) {
            return;
        }
        int depth = 0;
        while (true) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == 0 && name.equals(r.getLocalName())) {
                    return;
                }
                depth--;
            }
        }
    }

    private static void expect(XMLStreamReader r, String name) throws XMLStreamException {
        if (!r.isStartElement() || !name.equals(r.getLocalName())) {
            throw new XMLStreamException("expected <" + name + "> but found " + (r.isStartElement()
                    ? "<"
                            + r.getLocalName() + ">"
                    : "event " + r.getEventType()));
        }
    }
}
