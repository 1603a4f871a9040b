package org.eticket.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the database alone costs a purchase (issue #4's "what limits it"): run by
 * {@code run-bench.sh} on the benchmark's own embedded Derby once its server has stopped, it
 * writes for each remaining seat of the bench stock exactly the rows a card purchase from
 * stock writes (the order, the seat's conditional UPDATE, the order line, two journal entries,
 * the points earned, the acquirer's capture, the download notice, then the notice's claim and
 * sent marks) with plain JDBC batches, in transactions of {@code batch} purchases as the
 * group commit writes them, and prints the writing thread's CPU time per purchase (a fresh
 * JVM's JIT compiling Derby is left out, as it is after the server's warm-up): no HTTP, no JAX-RS, no EJB,
 * no JPA, no mail, no load generator, only Derby. The rows are copies of a purchase the
 * benchmark made (every column as the platform wrote it; fresh ids, numbers and tokens), so the
 * floor follows the schema and its indexes as they are. The first third is JIT warm-up and is
 * not counted.
 *
 * <pre>
 * java -cp derby jars:. org.eticket.bench.PurchaseRowsFloor jdbc:derby:/path/to/db [batch=16]
 * </pre>
 */
public final class PurchaseRowsFloor {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            new PurchaseRowsFloor(c).run(batch);
        }
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true");
        } catch (SQLException expected) {
            // Derby reports a clean shutdown as an exception
        }
    }

    private final Connection c;

    private PurchaseRowsFloor(Connection c) {
        this.c = c;
    }

    private void run(int batch) throws SQLException {
        List<long[]> free = new ArrayList<>(); // id, seller, performance
        try (ResultSet r = c.createStatement().executeQuery(
                "SELECT ID, SELLER_ID, PERFORMANCE_ID FROM TICKET WHERE STATE = 'ALLOCATED' AND SALESORDER_ID IS NULL")) {
            while (r.next()) {
                free.add(new long[] {r.getLong(1), r.getLong(2), r.getLong(3)});
            }
        }
        long sampleOrder = one("SELECT MAX(ORDERID) FROM DOWNLOADNOTICE");
        Row order = Row.of(c, "SALESORDER", "ID = " + sampleOrder);
        Row line = Row.of(c, "ORDERLINE", "ORDER_ID = " + sampleOrder);
        Row moved = Row.of(c, "JOURNALENTRY", "KIND <> 'SALE' AND TOSTATE = 'SOLD' AND TICKETID = " + line.get("TICKETID"));
        Row sale = Row.of(c, "JOURNALENTRY", "KIND = 'SALE' AND ORDERID = " + sampleOrder);
        Row earned = Row.of(c, "LEDGERENTRY", "ORDERID = " + sampleOrder);
        Row capture = Row.of(c, "ACQUIRERTRANSACTION", "REFERENCE = '" + order.get("PAYMENTREFERENCE") + "'");
        Row notice = Row.of(c, "DOWNLOADNOTICE", "ORDERID = " + sampleOrder);
        long buyer = ((Number) order.get("BUYER_ID")).longValue();

        PreparedStatement seat = c.prepareStatement("UPDATE TICKET SET STATE = ?, HOLDER_ID = ?, SALESORDER_ID = ?, CHANGEDAT = ?,"
                + " VERSION = VERSION + 1 WHERE ID = ? AND STATE = ? AND SELLER_ID = ?");
        String marks = String.join(", ", java.util.Collections.nCopies(batch, "?"));
        PreparedStatement claim = c.prepareStatement("UPDATE DOWNLOADNOTICE SET CLAIMTOKEN = 'bench', ATTEMPTS = ATTEMPTS + 1"
                + " WHERE ID IN (" + marks + ") AND SENTAT IS NULL");
        PreparedStatement claimed = c.prepareStatement("SELECT * FROM DOWNLOADNOTICE WHERE ID IN (" + marks + ")"
                + " AND CLAIMTOKEN = 'bench' ORDER BY ID");
        PreparedStatement sent = c.prepareStatement("UPDATE DOWNLOADNOTICE SET SENTAT = ?, LASTERROR = NULL WHERE ID IN (" + marks + ")");
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int warmUp = free.size() / 3;
        int counted = 0;
        long cpu0 = 0;
        long wall0 = 0;
        for (int i = 0; i + batch <= free.size(); i += batch) {
            if (i >= warmUp && wall0 == 0) {
                cpu0 = cpu.getCurrentThreadCpuTime();
                wall0 = System.nanoTime();
            }
            Timestamp now = new Timestamp(System.currentTimeMillis());
            long[] orders = new long[batch];
            long[] notices = new long[batch];
            for (int k = 0; k < batch; k++) {
                long[] s = free.get(i + k);
                long id = orders[k] = id();
                order.add(Map.of("ID", id, "NUMBER", "ET" + Long.toString(id, 36).toUpperCase(), "DOWNLOADTOKEN", token(24),
                        "PAYMENTREFERENCE", reference(), "ORDEREDAT", now, "PERFORMANCE_ID", s[2], "SELLER_ID", s[1]));
            }
            order.flush();
            for (int k = 0; k < batch; k++) {
                long[] s = free.get(i + k);
                seat.setString(1, "SOLD");
                seat.setLong(2, buyer);
                seat.setLong(3, orders[k]);
                seat.setTimestamp(4, now);
                seat.setLong(5, s[0]);
                seat.setString(6, "ALLOCATED");
                seat.setLong(7, s[1]);
                seat.addBatch();
            }
            for (int n : seat.executeBatch()) {
                if (n != 1) {
                    throw new IllegalStateException("a bench seat was not free");
                }
            }
            for (int k = 0; k < batch; k++) {
                long[] s = free.get(i + k);
                Map<String, Object> ofSeat = Map.of("ORDERID", orders[k], "TICKETID", s[0], "PERFORMANCEID", s[2],
                        "SELLERID", s[1], "RECORDED_AT", now);
                line.add(Map.of("ID", id(), "ORDER_ID", orders[k], "TICKETID", s[0]));
                moved.add(with(ofSeat, "ID", journalId()));
                sale.add(with(ofSeat, "ID", journalId()));
                earned.add(Map.of("ID", id(), "ORDERID", orders[k], "RECORDED_AT", now));
                capture.add(Map.of("ID", id(), "REFERENCE", reference(), "CREATEDAT", now, "CHANGEDAT", now));
                notices[k] = id();
                notice.add(Map.of("ID", notices[k], "ORDERID", orders[k], "CREATEDAT", now, "NEXTATTEMPTAT", now));
            }
            for (Row r : List.of(line, moved, sale, earned, capture, notice)) {
                r.flush();
            }
            c.commit();
            // the mailer's two marks per batch of notices, as its JPQL binds them: claimed, then sent
            claim.clearParameters();
            claimed.clearParameters();
            sent.clearParameters();
            for (int k = 0; k < batch; k++) {
                claim.setLong(k + 1, notices[k]);
                claimed.setLong(k + 1, notices[k]);
                sent.setLong(k + 2, notices[k]);
            }
            claim.executeUpdate();
            c.commit();
            try (ResultSet r = claimed.executeQuery()) {
                while (r.next()) {
                    r.getString("BODY");
                }
            }
            sent.setTimestamp(1, now);
            sent.executeUpdate();
            c.commit();
            if (wall0 != 0) {
                counted += batch;
            }
        }
        double cpuMs = (cpu.getCurrentThreadCpuTime() - cpu0) / 1e6;
        double wallS = (System.nanoTime() - wall0) / 1e9;
        System.out.printf("database floor: %d purchases' rows written by plain JDBC, %d per transaction:"
                + " %.2f ms of CPU per purchase (the writing thread's; %.0f purchases/s on one thread)%n", counted, batch,
                cpuMs / counted, counted / wallS);
    }

    private long one(String sql) throws SQLException {
        try (ResultSet r = c.createStatement().executeQuery(sql)) {
            if (!r.next() || r.getObject(1) == null) {
                throw new IllegalStateException("no purchase to copy: " + sql);
            }
            return r.getLong(1);
        }
    }

    /** Ids as the platform draws them: random positive longs (the journal's come from its own sequence). */
    private static long id() {
        return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    }

    private long journal = 9_000_000_000L;

    private long journalId() {
        return journal++;
    }

    private static String reference() {
        return ("AUTH-" + UUID.randomUUID()).substring(0, 40);
    }

    private static String token(int length) {
        return UUID.randomUUID().toString().replace("-", "").substring(0, length);
    }

    private static Map<String, Object> with(Map<String, Object> m, String k, Object v) {
        Map<String, Object> copy = new LinkedHashMap<>(m);
        copy.put(k, v);
        return copy;
    }

    /** A row of a table copied column by column, some columns replaced, written in JDBC batches. */
    private static final class Row {
        private final Map<String, Object> values = new LinkedHashMap<>();
        private final List<Integer> types = new ArrayList<>();
        private PreparedStatement insert;

        static Row of(Connection c, String table, String where) throws SQLException {
            Row row = new Row();
            try (ResultSet r = c.createStatement().executeQuery("SELECT * FROM " + table + " WHERE " + where)) {
                if (!r.next()) {
                    throw new IllegalStateException("no " + table + " row where " + where + " to copy");
                }
                ResultSetMetaData m = r.getMetaData();
                for (int i = 1; i <= m.getColumnCount(); i++) {
                    Object v = r.getObject(i);
                    row.types.add(m.getColumnType(i));
                    row.values.put(m.getColumnName(i), v instanceof java.sql.Clob clob ? clob.getSubString(1, (int) clob.length()) : v);
                }
            }
            String columns = String.join(", ", row.values.keySet());
            String marks = String.join(", ", java.util.Collections.nCopies(row.values.size(), "?"));
            row.insert = c.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")");
            return row;
        }

        Object get(String column) {
            return values.get(column);
        }

        void add(Map<String, Object> replaced) throws SQLException {
            int i = 1;
            for (Map.Entry<String, Object> e : values.entrySet()) {
                Object v = replaced.getOrDefault(e.getKey(), e.getValue());
                if (v == null) {
                    insert.setNull(i, types.get(i - 1));
                } else {
                    insert.setObject(i, v);
                }
                i++;
            }
            insert.addBatch();
        }

        void flush() throws SQLException {
            insert.executeBatch();
        }
    }
}
