package org.eticket.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eticket.sales.CustomerService;
import org.eticket.sales.CustomerService.CustomerData;

/** The purchaser master: kept by the platform; a customer reads and corrects only their own record. */
@Path("customers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
public class CustomerResource {

    @EJB
    CustomerService customers;

    @GET
    public PageDto<CustomerDto> searchCustomers(@QueryParam("q") String q,
                                                @QueryParam("page") @DefaultValue(Requests.DEFAULT_PAGE) String page,
                                                @QueryParam("size") @DefaultValue(Requests.DEFAULT_SIZE) String size) {
        return PageDto.of(customers.search(q, Requests.page(page), Requests.size(size)), CustomerDto::of);
    }

    @POST
    public Response createCustomer(CustomerData data, @Context UriInfo uri) {
        CustomerDto created = CustomerDto.of(customers.create(Requests.body(data)));
        return Requests.created(uri, created, "customers/{id}", created.id());
    }

    @GET
    @Path("{id}")
    public CustomerDto getCustomer(@PathParam("id") Long id) {
        return CustomerDto.of(customers.get(id));
    }

    @PUT
    @Path("{id}")
    public CustomerDto updateCustomer(@PathParam("id") Long id, CustomerData data) {
        return CustomerDto.of(customers.update(id, Requests.body(data)));
    }

    @DELETE
    @Path("{id}")
    public void deleteCustomer(@PathParam("id") Long id) {
        customers.delete(id);
    }
}
