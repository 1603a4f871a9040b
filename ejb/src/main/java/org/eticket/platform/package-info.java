/** What every capability shares: the data source, identity and paging of masters, and the errors a person reads. */
package org.eticket.platform;
