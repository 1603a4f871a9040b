/**
 * The back office screens (C1-C9, seed 004 Figs 23-35): masters, the seat map, allocation, stock,
 * returns and sales status; one {@code @ViewScoped} {@code *View} bean per screen, over the services.
 */
package org.eticket.web.backoffice;
