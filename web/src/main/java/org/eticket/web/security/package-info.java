/** How people and systems sign in: one mechanism over the database identity store, a login page for screens, HTTP Basic for the API. */
package org.eticket.web.security;
