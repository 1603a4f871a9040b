/**
 * The customer portal's screens (C11, Figs 36-38): performances on sale, a seller's seats,
 * hold and checkout, the confirmation (Fig 37), my orders, and the download page (Fig 15).
 */
package org.eticket.web.shop;
