/** The platform's terminal CA: issues terminal certificates at enrollment and the adapter's own TLS identity. */
package org.eticket.connector.adapter.pki;
