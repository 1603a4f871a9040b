package org.eticket.security;

import java.util.List;

/** The platform's roles (design §1), named once; used by {@code @RolesAllowed} and the identity store's groups. */
public final class Roles {

    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String ORGANIZER = "organizer";
    public static final String SELLER = "seller";
    public static final String STORE = "store";
    public static final String VENUE = "venue";
    public static final String CUSTOMER = "customer";

    public static final List<String> ALL = List.of(PLATFORM_ADMIN, ORGANIZER, SELLER, STORE, VENUE, CUSTOMER);

    private Roles() {
    }
}
