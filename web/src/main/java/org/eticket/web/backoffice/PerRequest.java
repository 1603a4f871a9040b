package org.eticket.web.backoffice;

import jakarta.faces.context.FacesContext;
import java.io.Serializable;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A value computed once per request phase: JSF calls a getter several times while it renders (a
 * table and two menus read the same quotas), and each call would otherwise be a service call.
 * The value lives in the request, keyed by phase, so a phase after an action computes it afresh.
 */
final class PerRequest<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String key = PerRequest.class.getName() + "." + UUID.randomUUID();

    @SuppressWarnings("unchecked")
    T get(Supplier<T> compute) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces == null) {
            return compute.get();
        }
        Map<String, Object> request = faces.getExternalContext().getRequestMap();
        String phaseKey = key + "." + faces.getCurrentPhaseId();
        if (!request.containsKey(phaseKey)) {
            request.put(phaseKey, compute.get());
        }
        return (T) request.get(phaseKey);
    }
}
