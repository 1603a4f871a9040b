/**
 * The center's append-only journal (design §5-§6; C35 sales journal): ticket state
 * changes and sales, written in the same transaction as the change they record.
 */
package org.eticket.journal;
