package org.eticket.platform;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/** Surrogate key and optimistic-lock version shared by the masters. */
@MappedSuperclass
public abstract class Identified {

    @Id
    @GeneratedValue
    private Long id;

    @Version
    private long version;

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }
}
