package org.eticket.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The platform database. Embedded Derby by default in the directory named by the system
 * property {@code eticket.db} (set by the run command and the tests), so data survives a
 * restart. Payara resolves the ${...} references when it creates the pool.
 */
@Singleton
@DataSourceDefinition(
        name = "java:app/jdbc/eticket",
        className = "org.apache.derby.jdbc.EmbeddedDataSource",
        databaseName = "${eticket.db}",
        properties = {"createDatabase=create"},
        minPoolSize = 2,
        maxPoolSize = 32)
// The same database outside JTA, for id allocation only (persistence.xml): ids are taken
// from the SEQUENCE table and committed at once, so a transaction never holds that row's
// lock while it waits for seats or the acquirer (which deadlocked concurrent purchases).
@DataSourceDefinition(
        name = "java:app/jdbc/eticket-sequence",
        className = "org.apache.derby.jdbc.EmbeddedDataSource",
        databaseName = "${eticket.db}",
        properties = {"createDatabase=create"},
        transactional = false,
        minPoolSize = 1,
        maxPoolSize = 4)
public class PlatformDataSource {
}
