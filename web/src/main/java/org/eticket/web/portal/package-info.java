/** The portal's entry screens: sign-in and each role's home. */
package org.eticket.web.portal;
