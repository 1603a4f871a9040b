package org.eticket.web.backoffice;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.eticket.allocation.Seller;
import org.eticket.allocation.SellerService;
import org.eticket.catalog.Organizer;
import org.eticket.catalog.OrganizerService;
import org.eticket.catalog.Venue;
import org.eticket.catalog.VenueService;
import org.eticket.sales.Store;
import org.eticket.sales.StoreService;

/**
 * The platform admin's masters (Figs 23, 24): organizers (register, search, change, delete) and the
 * registration of sellers and fan clubs, stores and venues.
 */
@Named
@ViewScoped
public class MastersView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int PAGE = 200;

    @EJB
    transient OrganizerService organizers;
    @EJB
    transient SellerService sellers;
    @EJB
    transient StoreService stores;
    @EJB
    transient VenueService venues;

    /** The form: one set of fields, read by whichever master's button was pressed. */
    private String code;
    private String name;
    private String address;
    private String email;
    private String phone;
    private String kind = "AGENT";
    private String query;
    private Long editing;

    public List<Organizer> getOrganizerList() {
        return Screens.attempt(() -> organizers.search(query, 0, PAGE).items(), null);
    }

    public List<Seller> getSellerList() {
        return Screens.attempt(() -> sellers.search(query, 0, PAGE).items(), null);
    }

    public List<Store> getStoreList() {
        return Screens.attempt(() -> stores.search(query, 0, PAGE).items(), null);
    }

    public List<Venue> getVenueList() {
        return Screens.attempt(() -> venues.search(query, 0, PAGE).items(), null);
    }

    public void saveOrganizer() {
        OrganizerService.OrganizerData data = new OrganizerService.OrganizerData(code, name, address, email, phone);
        if (editing == null ? Screens.run(() -> organizers.create(data), "Organizer " + code + " registered.")
                : Screens.run(() -> organizers.update(editing, data), "Organizer " + code + " changed.")) {
            clear();
        }
    }

    public void editOrganizer(Organizer o) {
        editing = o.getId();
        code = o.getCode();
        name = o.getName();
        address = o.getAddress();
        email = o.getEmail();
        phone = o.getPhone();
    }

    public void deleteOrganizer(Organizer o) {
        Screens.run(() -> organizers.delete(o.getId()), "Organizer " + o.getCode() + " deleted.");
    }

    public void registerSeller() {
        if (Screens.run(() -> sellers.create(new SellerService.SellerData(code, name, kind, email, address)),
                ("FAN_CLUB".equals(kind) ? "Fan club " : "Seller ") + code + " registered.")) {
            clear();
        }
    }

    public void deleteSeller(Seller s) {
        Screens.run(() -> sellers.delete(s.getId()), "Seller " + s.getCode() + " deleted.");
    }

    public void registerStore() {
        if (Screens.run(() -> stores.create(new StoreService.StoreData(code, name, address)), "Store " + code + " registered.")) {
            clear();
        }
    }

    public void deleteStore(Store s) {
        Screens.run(() -> stores.delete(s.getId()), "Store " + s.getCode() + " deleted.");
    }

    public void registerVenue() {
        if (Screens.run(() -> venues.create(new VenueService.VenueData(code, name, address)), "Venue " + code + " registered.")) {
            clear();
        }
    }

    public void deleteVenue(Venue v) {
        Screens.run(() -> venues.delete(v.getId()), "Venue " + v.getCode() + " deleted.");
    }

    public void clear() {
        editing = null;
        code = name = address = email = phone = null;
        kind = "AGENT";
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getQuery() { return query; }
    public void setQuery(String query) { this.query = query; }
    public Long getEditing() { return editing; }
}
