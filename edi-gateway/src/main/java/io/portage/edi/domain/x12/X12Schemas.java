package io.portage.edi.domain.x12;

import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIStreamConstants.Standards;

/** The StAEDI schemas Portage validates with: X12's own control schemas and its transaction sets in {@code x12/}. */
public final class X12Schemas {

    private static final SchemaFactory FACTORY = SchemaFactory.newFactory();
    private static final Map<String, Schema> TRANSACTIONS = new ConcurrentHashMap<>();
    private static final Map<String, Schema> CONTROLS = new ConcurrentHashMap<>();

    private X12Schemas() {
    }

    /** The schema of transaction set {@code code} (e.g. {@code 940}), or null when Portage has none. */
    public static Schema transaction(String code) {
        if (code == null || !code.matches("[0-9]{3}")) {
            return null;
        }
        return TRANSACTIONS.computeIfAbsent(code, X12Schemas::load);
    }

    /** The envelope (ISA/GS/ST) schema of an interchange version, e.g. {@code 00401}. */
    public static Schema control(String interchangeVersion) {
        return CONTROLS.computeIfAbsent(interchangeVersion, version -> {
            try {
                return FACTORY.getControlSchema(Standards.X12, new String[]{version});
            } catch (EDISchemaException e) {
                throw new IllegalStateException("No X12 control schema for " + version, e);
            }
        });
    }

    private static Schema load(String code) {
        URL url = X12Schemas.class.getResource("/x12/" + code + ".xml");
        if (url == null) {
            return null;
        }
        try {
            return FACTORY.createSchema(url);
        } catch (EDISchemaException e) {
            throw new IllegalStateException("The schema x12/" + code + ".xml is broken", e);
        }
    }
}
