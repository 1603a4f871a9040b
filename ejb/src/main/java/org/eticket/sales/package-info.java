/** Selling: stores with kiosk terminals and the customers who buy (C10-C15; orders come with issue #4). */
package org.eticket.sales;
