package io.portage.odoo.connector.ops;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.portage.odoo.connector.OdooCalls;
import io.portage.odoo.connector.OdooClient;
import io.portage.odoo.connector.OdooConfig;
import io.portage.odoo.connector.error.OdooErrors;
import io.portage.odoo.connector.ops.OdooBatcher.Outcome;
import io.smallrye.mutiny.Uni;

/**
 * Customers and products in Odoo ({@code res.partner} by {@code ref}, {@code product.product} by
 * {@code default_code}): found or created one at a time, or many customers in two calls (concurrent
 * {@code findOrCreatePartner} callers too, with {@code portage.odoo.batch.enabled}).
 */
public final class PartnerOperations {

    private final OdooClient client;
    private final Map<String, Long> countries = new ConcurrentHashMap<>();
    private final OdooBatcher<PartnerRef, Long> partners;

    PartnerOperations(OdooClient client) {
        this.client = client;
        OdooConfig.Batch batch = client.batching();
        this.partners = batch != null && batch.enabled()
                ? new OdooBatcher<>("res.partner find-or-create", batch.maxSize(), batch.maxDelay(),
                        this::findOrCreateAll)
                : null;
    }

    /**
     * The partner whose {@code ref} is {@code partner.ref()}; created only when no partner has that ref. Batched, the
     * callers of one window share one {@code search_read} and one {@code create} (see {@link #findOrCreateCustomers}).
     */
    public Uni<Long> findOrCreatePartner(PartnerRef partner) {
        Rows.requireText(partner.ref(), "partner ref");
        if (partners != null) {
            return partners.submit(partner);
        }
        return client.retrying(() -> once().search("res.partner", List.of(List.of("ref", "=", partner.ref())), 1)
                .chain(found -> {
                    if (!found.isEmpty()) {
                        return Uni.createFrom().item(found.get(0));
                    }
                    return countryIds(List.of(partner)).chain(countries -> once().create("res.partner",
                            partnerVals(partner, countries)));
                }));
    }

    /**
     * The customers with these refs, found or created in two calls whatever their number: one {@code search_read} of all
     * refs, one {@code create} with the list of the missing customers' values (Odoo answers their ids in order); a ref
     * given twice is made once. Returns ref -> id for every ref; a customer Odoo refuses fails the whole answer with
     * Odoo's error (the others are created). Safe to repeat (a retry finds what the first attempt created), but two
     * callers racing on the same new ref both create it (ODOO.md, "Concurrency"): the caller keeps a claim of its own
     * per ref.
     */
    public Uni<Map<String, Long>> findOrCreateCustomers(List<PartnerRef> customers) {
        List<PartnerRef> list = List.copyOf(customers);
        list.forEach(customer -> Rows.requireText(customer.ref(), "partner ref"));
        return findOrCreateAll(list).map(outcomes -> {
            Map<String, Long> ids = new LinkedHashMap<>();
            for (int i = 0; i < list.size(); i++) {
                if (outcomes.get(i).failure() != null) {
                    throw OdooErrors.fromThrowable(outcomes.get(i).failure());
                }
                ids.putIfAbsent(list.get(i).ref(), outcomes.get(i).value());
            }
            return ids;
        });
    }

    /** One outcome per customer, in order: the batch behind both {@link #findOrCreateCustomers} and the batcher. */
    private Uni<List<Outcome<Long>>> findOrCreateAll(List<PartnerRef> customers) {
        Map<String, PartnerRef> byRef = new LinkedHashMap<>();
        customers.forEach(customer -> byRef.putIfAbsent(customer.ref(), customer));
        if (byRef.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> refs = new ArrayList<>(byRef.keySet());
        return client.retrying(() -> once().searchRead("res.partner", List.of(List.of("ref", "in", refs)),
                List.of("id", "ref"), 0, 0, "id").chain(rows -> {
                    Map<String, Long> ids = new HashMap<>();
                    for (JsonNode row : rows) {
                        ids.putIfAbsent(row.path("ref").asText(), row.path("id").asLong());
                    }
                    List<String> missing = refs.stream().filter(ref -> !ids.containsKey(ref)).toList();
                    Map<String, Outcome<Long>> failures = new HashMap<>();
                    return countryIds(missing.stream().map(byRef::get).toList())
                            .chain(countries -> BatchSplit.splitOnRecordError(missing, part -> createPartners(part,
                                    byRef, countries), failures))
                            .map(created -> {
                                created.forEach(ids::putAll);
                                return customers.stream()
                                        .map(customer -> failures.containsKey(customer.ref())
                                                ? failures.get(customer.ref())
                                                : Outcome.of(ids.get(customer.ref())))
                                        .toList();
                            });
                }));
    }

    /** {@code create} of these customers in one call: their ids by ref. */
    private Uni<Map<String, Long>> createPartners(List<String> refs, Map<String, PartnerRef> byRef,
            Map<String, Long> countries) {
        List<Map<String, Object>> vals = refs.stream().map(ref -> partnerVals(byRef.get(ref), countries)).toList();
        return once().execute("res.partner", "create", List.of(vals), Map.of())
                .map(created -> Rows.createdByKey("res.partner", refs, created));
    }

    private static Map<String, Object> partnerVals(PartnerRef partner, Map<String, Long> countries) {
        Map<String, Object> vals = new LinkedHashMap<>();
        vals.put("ref", partner.ref());
        vals.put("name", partner.name());
        vals.put("is_company", partner.company());
        if (partner.email() != null) {
            vals.put("email", partner.email());
        }
        if (partner.address() != null) {
            vals.put("street", partner.address().street());
            vals.put("city", partner.address().city());
            vals.put("zip", partner.address().zip());
            Long country = countries.get(partner.address().countryCode());
            if (country != null) {
                vals.put("country_id", country);
            }
        }
        return vals;
    }

    /** The country ids of the customers' addresses, by ISO code: one search of the codes not yet known. */
    private Uni<Map<String, Long>> countryIds(List<PartnerRef> customers) {
        List<String> unknown = customers.stream()
                .filter(c -> c.address() != null && c.address().countryCode() != null
                        && !c.address().countryCode().isBlank())
                .map(c -> c.address().countryCode())
                .distinct()
                .filter(code -> !countries.containsKey(code))
                .toList();
        if (unknown.isEmpty()) {
            return Uni.createFrom().item(countries);
        }
        return once().searchRead("res.country", List.of(List.of("code", "in", unknown)), List.of("id", "code"), 0, 0,
                "id").map(rows -> {
                    rows.forEach(row -> countries.putIfAbsent(row.path("code").asText(), row.path("id").asLong()));
                    return countries;
                });
    }

    /** The product whose {@code default_code} is {@code product.defaultCode()}; created with the version's type fields. */
    public Uni<Long> findOrCreateProduct(ProductRef product) {
        Rows.requireText(product.defaultCode(), "product default code");
        return client.retrying(() -> once()
                .search("product.product", List.of(List.of("default_code", "=", product.defaultCode())), 1)
                .chain(found -> {
                    if (!found.isEmpty()) {
                        return Uni.createFrom().item(found.get(0));
                    }
                    return client.version().chain(version -> {
                        Map<String, Object> vals = new LinkedHashMap<>();
                        vals.put("default_code", product.defaultCode());
                        vals.put("name", product.name());
                        vals.putAll(ProductTypes.typeValues(version, product.storable()));
                        return once().create("product.product", vals);
                    });
                }));
    }

    /**
     * The ids of the active products with these {@code default_code}s, by code; codes Odoo does not know are absent.
     * Reads only: an unknown product is for a person to create, never for an order to invent.
     */
    public Uni<Map<String, Long>> findProducts(Collection<String> defaultCodes) {
        List<String> codes = defaultCodes.stream().distinct().toList();
        if (codes.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return client.retrying(() -> once().searchRead("product.product", List.of(List.of("default_code", "in", codes)),
                List.of("id", "default_code"), 0, 0, "id").map(rows -> {
                    Map<String, Long> ids = new LinkedHashMap<>();
                    for (JsonNode row : rows) {
                        ids.putIfAbsent(row.path("default_code").asText(), row.path("id").asLong());
                    }
                    return ids;
                }));
    }

    private OdooCalls once() {
        return client.once();
    }
}
