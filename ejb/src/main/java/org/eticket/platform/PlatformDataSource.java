package org.eticket.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The platform database. Embedded Derby by default in the directory named by the system
 * property {@code eticket.db} (set by the run command and the tests), so data survives a
 * restart. Payara resolves the ${...} references when it creates the pool, before the
 * application's microprofile-config.properties is visible: so the defaults stand here, and
 * system properties or the environment change them. Instances sharing one Derby set
 * {@code eticket.db.class=org.apache.derby.jdbc.ClientDataSource} and the network server's
 * {@code eticket.db.server} and {@code eticket.db.port} (connector/README.md, "Several instances");
 * embedded Derby ignores the server and port.
 */
@Singleton
@DataSourceDefinition(
        name = "java:app/jdbc/eticket",
        className = "${MPCONFIG=eticket.db.class:org.apache.derby.jdbc.EmbeddedDataSource}",
        databaseName = "${eticket.db}",
        properties = {"createDatabase=create", "serverName=${MPCONFIG=eticket.db.server:localhost}", "portNumber=${MPCONFIG=eticket.db.port:1527}"},
        minPoolSize = 2,
        maxPoolSize = 32)
public class PlatformDataSource {
}
