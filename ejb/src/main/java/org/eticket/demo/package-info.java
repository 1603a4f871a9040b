/** Demo data for a first run: one of every party, a venue with two layouts, an event on sale. */
package org.eticket.demo;
