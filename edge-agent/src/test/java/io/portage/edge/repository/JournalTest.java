package io.portage.edge.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One transaction helper for the whole store: committed whole, rolled back whole, follow-ups only after a commit. */
class JournalTest {

    @TempDir
    Path dir;

    static long count(Journal journal) {
        return journal.inTransaction("count", tx -> tx.longValue("select count(*) from t"));
    }

    @Test
    void aFailedTransactionLeavesNothingAndRunsNoFollowUp() {
        try (Journal journal = Journal.open(dir.resolve("j.db"))) {
            journal.inTransaction("create", tx -> tx.update("create table t (v integer)"));
            List<String> followUps = new ArrayList<>();
            assertThatThrownBy(() -> journal.inTransaction("write twice", tx -> {
                tx.update("insert into t values (1)");
                tx.afterCommit(() -> followUps.add("ran"));
                return tx.update("insert into missing values (2)");
            })).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("Could not write twice: ")
                    .hasCauseInstanceOf(SQLException.class);
            assertThat(followUps).isEmpty();
            assertThat(count(journal)).isZero();

            journal.inTransaction("write once", tx -> {
                tx.afterCommit(() -> followUps.add("ran"));
                return tx.update("insert into t values (1)");
            });
            assertThat(followUps).containsExactly("ran");
        }
    }

    @Test
    void aFailedSavepointIsUndoneAloneAndTheTransactionGoesOn() {
        try (Journal journal = Journal.open(dir.resolve("s.db"))) {
            journal.inTransaction("create", tx -> tx.update("create table t (v integer not null)"));
            journal.inTransaction("write", tx -> {
                tx.inSavepoint(inner -> inner.update("insert into t values (1)"));
                assertThatThrownBy(() -> tx.inSavepoint(inner -> {
                    inner.update("insert into t values (2)");
                    return inner.update("insert into t values (null)");
                })).isInstanceOf(SQLException.class);
                return tx.update("insert into t values (3)");
            });
            long sum = journal.inTransaction("sum", tx -> tx.longValue("select sum(v) from t"));
            assertThat(sum).isEqualTo(4);
        }
    }

    @Test
    void aTransactionInsideAnotherIsRefusedRatherThanCommittingItHalfway() {
        try (Journal journal = Journal.open(dir.resolve("n.db"))) {
            journal.inTransaction("create", tx -> tx.update("create table t (v integer)"));
            assertThatThrownBy(() -> journal.inTransaction("outer", tx -> {
                tx.update("insert into t values (1)");
                return journal.inTransaction("inner", inner -> inner.update("insert into t values (2)"));
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot inner");
            assertThat(count(journal)).isZero();
        }
    }
}
