/**
 * Enterprise portal logins: the roles, user accounts with PBKDF2 hashes, throttling of
 * failed logins, and the one service that checks ownership of every record.
 */
package org.eticket.security;
