package io.portage.odoo.standin;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a stand-in's database starts with beyond the seed: the integration user (uid 2: login, groups by external id,
 * the e-mail of its partner, null for none) and the database's identity (creation date, {@code database.uuid}).
 */
record Setup(String login, Set<String> groups, String email, String databaseCreated, String databaseUuid) {

    /**
     * What ODOO.md's access-rights table says an integration user needs for Portage: contacts, sales and stock, purchase,
     * products, invoices and entries. Not Administration (settings, access rights), not accounting administration.
     */
    static final List<String> INTEGRATION_GROUPS = List.of("base.group_user", "base.group_partner_manager",
            "sales_team.group_sale_salesman_all_leads", "stock.group_stock_user", "purchase.group_purchase_user",
            "product.group_product_manager", "account.group_account_invoice");

    static final String DEFAULT_EMAIL = "bot@yourcompany.example";

    Setup {
        Objects.requireNonNull(login);
        groups = Set.copyOf(known(List.copyOf(groups)));
    }

    /** The groups, if the stand-in knows each of them. */
    static List<String> known(List<String> groups) {
        for (String group : groups) {
            if (!Access.GROUPS.containsKey(group)) {
                throw new IllegalArgumentException("unknown group " + group + "; known: " + Access.GROUPS.keySet());
            }
        }
        return groups;
    }
}
