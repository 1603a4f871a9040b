package org.eticket.web.shop;

import java.io.Serializable;

/**
 * The card fields of a portal form (checkout, wallet top-up), shown by
 * {@code WEB-INF/includes/card-fields.xhtml}. The number and security code are transient and
 * {@link #forget forgotten} after the request that uses them: they never reach the session store.
 */
public class CardEntry implements Serializable {

    private static final long serialVersionUID = 1L;

    private transient String number;
    private Integer expiryMonth;
    private Integer expiryYear;
    private transient String cvc;
    private String holder;

    /** Clears what must not outlive the request: the number and the security code. */
    public void forget() {
        number = null;
        cvc = null;
    }

    /** The last four digits typed, for a confirmation message. */
    public String lastFour() {
        String digits = number == null ? "" : number.replaceAll("[^0-9]", "");
        return digits.length() < 4 ? digits : digits.substring(digits.length() - 4);
    }

    public String getNumber() { return number; }

    public void setNumber(String number) { this.number = number; }

    public Integer getExpiryMonth() { return expiryMonth; }

    public void setExpiryMonth(Integer expiryMonth) { this.expiryMonth = expiryMonth; }

    public Integer getExpiryYear() { return expiryYear; }

    public void setExpiryYear(Integer expiryYear) { this.expiryYear = expiryYear; }

    public String getCvc() { return cvc; }

    public void setCvc(String cvc) { this.cvc = cvc; }

    public String getHolder() { return holder; }

    public void setHolder(String holder) { this.holder = holder; }
}
