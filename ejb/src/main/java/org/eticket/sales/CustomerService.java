package org.eticket.sales;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import org.eticket.platform.ConflictException;
import org.eticket.platform.NotFoundException;
import org.eticket.platform.Page;
import org.eticket.platform.Strings;
import org.eticket.platform.ValidationException;
import org.eticket.security.AccessService;
import org.eticket.security.Roles;

/** The purchaser master: a customer reads and corrects only their own record. */
@Stateless
public class CustomerService {

    public record CustomerData(String name, String email, String phone, LocalDate dateOfBirth) {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    AccessService access;

    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Customer create(CustomerData data) {
        Customer c = new Customer(null, null);
        apply(c, data);
        em.persist(c);
        return c;
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.CUSTOMER})
    public Customer get(Long id) {
        Customer c = id == null ? null : em.find(Customer.class, id);
        if (c == null) {
            throw new NotFoundException("customer " + id + " does not exist");
        }
        access.checkCustomer(c.getId());
        return c;
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.CUSTOMER})
    public Customer update(Long id, CustomerData data) {
        Customer c = get(id);
        apply(c, data);
        return c;
    }

    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public void delete(Long id) {
        em.remove(get(id));
    }

    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Page<Customer> search(String text, int page, int size) {
        Page.check(page, size);
        String where = " where lower(c.name) like :t escape '\\' or lower(c.email) like :t escape '\\'";
        long total = em.createQuery("select count(c) from Customer c" + where, Long.class)
                .setParameter("t", Strings.like(text)).getSingleResult();
        var items = em.createQuery("select c from Customer c" + where + " order by c.name, c.id", Customer.class)
                .setParameter("t", Strings.like(text)).setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Page<>(items, total, page, size);
    }

    private void apply(Customer c, CustomerData data) {
        if (data == null) {
            throw new ValidationException("customer data is required");
        }
        c.setName(Strings.required("name", data.name(), 200));
        String email = Strings.email("email", data.email()).toLowerCase(java.util.Locale.ROOT);
        boolean taken = em.createQuery("select count(c) from Customer c where c.email = :e and c.id <> :self", Long.class)
                .setParameter("e", email).setParameter("self", c.getId() == null ? -1L : c.getId()).getSingleResult() > 0;
        if (taken) {
            throw new ConflictException("e-mail " + email + " is already registered");
        }
        c.setEmail(email);
        c.setPhone(Strings.optional("phone", data.phone(), 50));
        if (data.dateOfBirth() != null && data.dateOfBirth().isAfter(LocalDate.now())) {
            throw new ValidationException("date of birth " + data.dateOfBirth() + " lies in the future");
        }
        c.setDateOfBirth(data.dateOfBirth());
    }
}
