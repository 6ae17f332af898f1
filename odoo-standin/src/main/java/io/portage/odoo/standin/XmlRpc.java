package io.portage.odoo.standin;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * XML-RPC as Odoo's {@code /xmlrpc/2/*} routes speak it: Python's {@code xmlrpc.client} marshalling with
 * {@code allow_none=False} and dates as strings.
 */
final class XmlRpc {

    record Call(String method, List<Object> params) {
    }

    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private XmlRpc() {
    }

    static Call parse(byte[] body) {
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            String method = null;
            List<Object> params = new ArrayList<>();
            while (reader.hasNext()) {
                if (reader.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (reader.getLocalName()) {
                    case "methodName" -> method = reader.getElementText().trim();
                    case "value" -> params.add(value(reader));
                    default -> {
                    }
                }
            }
            if (method == null) {
                throw new IllegalArgumentException("no methodName");
            }
            return new Call(method, params);
        } catch (XMLStreamException | RuntimeException e) {
            throw new IllegalArgumentException("not an XML-RPC methodCall: " + e.getMessage(), e);
        }
    }

    /** Reads one {@code <value>} whose start tag is the current event, and leaves the reader on its end tag. */
    private static Object value(XMLStreamReader reader) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = reader.next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(reader.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return text.toString();
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                Object result = typed(reader);
                reader.nextTag();
                return result;
            }
        }
    }

    private static Object typed(XMLStreamReader reader) throws XMLStreamException {
        String type = reader.getLocalName();
        switch (type) {
            case "array" -> {
                List<Object> items = new ArrayList<>();
                reader.nextTag();
                while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
                    items.add(value(reader));
                }
                reader.nextTag();
                return items;
            }
            case "struct" -> {
                Map<String, Object> members = new LinkedHashMap<>();
                while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
                    String name = null;
                    Object member = null;
                    while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
                        if (reader.getLocalName().equals("name")) {
                            name = reader.getElementText();
                        } else {
                            member = value(reader);
                        }
                    }
                    members.put(name, member);
                }
                return members;
            }
            default -> {
                String text = reader.getElementText().trim();
                return switch (type) {
                    case "int", "i4", "i8" -> {
                        long number = Long.parseLong(text);
                        yield number == (int) number ? (Object) (int) number : (Object) number;
                    }
                    case "boolean" -> text.equals("1");
                    case "double" -> Double.parseDouble(text);
                    case "nil" -> null;
                    default -> text;
                };
            }
        }
    }

    static String response(Object result) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\"?>\n<methodResponse>\n<params>\n<param>\n");
        write(out, result);
        return out.append("</param>\n</params>\n</methodResponse>\n").toString();
    }

    static String fault(int code, String message) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\"?>\n<methodResponse>\n<fault>\n");
        Map<String, Object> fault = new LinkedHashMap<>();
        fault.put("faultCode", code);
        fault.put("faultString", message);
        write(out, fault);
        return out.append("</fault>\n</methodResponse>\n").toString();
    }

    private static void write(StringBuilder out, Object value) {
        out.append("<value>");
        switch (value) {
            case null -> throw new IllegalArgumentException("cannot marshal None unless allow_none is enabled");
            case Boolean b -> out.append("<boolean>").append(b ? 1 : 0).append("</boolean>");
            case Integer i -> out.append("<int>").append(i).append("</int>");
            case Long l -> out.append("<int>").append(l).append("</int>");
            case Number n -> out.append("<double>").append(n.doubleValue()).append("</double>");
            case List<?> list -> {
                out.append("<array><data>\n");
                list.forEach(item -> write(out, item));
                out.append("</data></array>");
            }
            case Map<?, ?> map -> {
                out.append("<struct>\n");
                map.forEach((k, v) -> {
                    out.append("<member>\n<name>").append(escape(k.toString())).append("</name>\n");
                    write(out, v);
                    out.append("</member>\n");
                });
                out.append("</struct>");
            }
            default -> out.append("<string>").append(escape(value.toString())).append("</string>");
        }
        out.append("</value>\n");
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> {
                    if (c >= 32 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
