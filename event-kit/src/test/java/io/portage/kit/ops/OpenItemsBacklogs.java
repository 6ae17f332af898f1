package io.portage.kit.ops;

import jakarta.enterprise.context.ApplicationScoped;

/** Test backlogs over the kit's own exception table: open items of the types {@code test.backlog.<role>}. */
final class OpenItemsBacklogs {

    private OpenItemsBacklogs() {
    }

    private abstract static class OpenItems implements Backlog {

        @Override
        public String title() {
            return "Open test items of " + ownerRole();
        }

        @Override
        public String itemKind() {
            return "order";
        }

        @Override
        public String items() {
            return "select business_key, created_at, summary from {h-schema}exception_item where status = 'OPEN' and type = "
                    + "'test.backlog." + ownerRole() + "'";
        }
    }

    /** Finance's. */
    @ApplicationScoped
    static class Finance extends OpenItems {

        @Override
        public String name() {
            return "test-finance-items";
        }

        @Override
        public String ownerRole() {
            return "finance";
        }
    }

    /** The warehouse's. */
    @ApplicationScoped
    static class Warehouse extends OpenItems {

        @Override
        public String name() {
            return "test-warehouse-items";
        }

        @Override
        public String ownerRole() {
            return "warehouse";
        }
    }
}
