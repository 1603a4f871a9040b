/**
 * Selling (C10-C14, C35): customers and stores, holds on a seller's seats, all-or-nothing
 * purchases into orders with buyer identification, the sales journal's views, membership,
 * and the time-lagged download notice mailed after commit.
 */
package org.eticket.sales;
