/**
 * The chip registry: which information storage chip (by UID) belongs to which customer, who issued
 * it as a membership card (C10), and whether it is active, reported lost or blocked.
 */
package org.eticket.card;
