package io.portage.edge.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import io.portage.edge.domain.EdgeEvent;
import io.portage.edge.domain.Priority;
import io.portage.edge.domain.Timestamps;

/** How an event is written in the store's rows, shared by the event and dead-letter tables. */
final class EventRows {

    /** The columns {@link #read} expects, in its order. */
    static final String COLUMNS = "seq, id, type, business_key, priority, occurred_at, received_at, payload";

    private EventRows() {
    }

    /**
     * A SQL expression giving the rank of the priority named in {@code column}, written from {@link Priority#rank()}
     * (an unknown name ranks last), for rows that carry the priority's name alone.
     */
    static String rankOf(String column) {
        StringBuilder sql = new StringBuilder("case ").append(column);
        for (Priority priority : Priority.values()) {
            sql.append(" when '").append(priority.name()).append("' then ").append(priority.rank());
        }
        Priority[] all = Priority.values();
        return sql.append(" else ").append(all[all.length - 1].rank()).append(" end").toString();
    }

    /** A SQL table of every rank, one row each in a column {@code rank}. */
    static String ranks() {
        StringBuilder sql = new StringBuilder();
        for (Priority priority : Priority.values()) {
            sql.append(sql.isEmpty() ? "select " : " union all select ").append(priority.rank()).append(" rank");
        }
        return sql.toString();
    }

    /** The event in a row selected with {@link #COLUMNS} first. */
    static EdgeEvent read(ResultSet rows) throws SQLException {
        return new EdgeEvent(UUID.fromString(rows.getString(2)), rows.getString(3), rows.getString(4),
                Priority.valueOf(rows.getString(5)), Timestamps.parse(rows.getString(6)), Timestamps.parse(rows.getString(7)),
                rows.getString(8));
    }
}
