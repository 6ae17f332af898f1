package io.portage.odoo.connector.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The XML-RPC encoder and decoder on the shapes Odoo sends and expects. */
class XmlRpcTest {

    @Test
    void encodesAnExecuteKwCallWithEscapedStringsNilAndNesting() {
        Map<String, Object> vals = new LinkedHashMap<>();
        vals.put("name", "A & B <Ltd>");
        vals.put("note", null);
        vals.put("order_line", List.of(List.of(0, 0, Map.of("product_uom_qty", 2.5))));

        String xml = XmlRpc.methodCall("execute_kw", Arrays.asList("db", 2, "secret", "res.partner", "create",
                List.of(vals), Map.of(), true, 3_000_000_000L));

        assertThat(xml).contains("<methodName>execute_kw</methodName>")
                .contains("<value><string>A &amp; B &lt;Ltd&gt;</string></value>")
                .contains("<value><nil/></value>")
                .contains("<value><int>2</int></value>")
                .contains("<value><double>2.5</double></value>")
                .contains("<value><boolean>1</boolean></value>")
                .contains("<value><struct></struct></value>");
    }

    @Test
    void decodesValuesOfEveryType() {
        String xml = """
                <?xml version='1.0'?>
                <methodResponse><params><param><value><array><data>
                  <value><struct>
                    <member><name>id</name><value><int>7</int></value></member>
                    <member><name>name</name><value><string>S00025</string></value></member>
                    <member><name>untyped</name><value>plain text</value></member>
                    <member><name>partner_id</name><value><array><data><value><i4>10</i4></value>
                      <value><string>Deco Addict</string></value></data></array></value></member>
                    <member><name>done</name><value><boolean>0</boolean></value></member>
                    <member><name>qty</name><value><double>2.0</double></value></member>
                    <member><name>none</name><value><nil/></value></member>
                    <member><name>empty</name><value><array><data/></array></value></member>
                  </struct></value>
                </data></array></value></param></params></methodResponse>
                """;

        JsonNode row = XmlRpc.parseResponse(xml).value().get(0);

        assertThat(row.get("id").asInt()).isEqualTo(7);
        assertThat(row.get("name").asText()).isEqualTo("S00025");
        assertThat(row.get("untyped").asText()).isEqualTo("plain text");
        assertThat(row.get("partner_id").get(1).asText()).isEqualTo("Deco Addict");
        assertThat(row.get("done").asBoolean(true)).isFalse();
        assertThat(row.get("qty").asDouble()).isEqualTo(2.0);
        assertThat(row.get("none").isNull()).isTrue();
        assertThat(row.get("empty").size()).isZero();
    }

    @Test
    void decodesAFault() {
        String xml = "<?xml version='1.0'?><methodResponse><fault><value><struct>"
                + "<member><name>faultCode</name><value><int>3</int></value></member>"
                + "<member><name>faultString</name><value><string>Access Denied</string></value></member>"
                + "</struct></value></fault></methodResponse>";

        XmlRpc.Response response = XmlRpc.parseResponse(xml);

        assertThat(response.isFault()).isTrue();
        assertThat(response.faultCode()).isEqualTo(3);
        assertThat(response.faultString()).isEqualTo("Access Denied");
    }

    @Test
    void aCredentialNeverPrintsItsSecret() {
        assertThat(new Credential("bot", "s3cret", true).toString()).doesNotContain("s3cret").contains("bot");
    }
}
