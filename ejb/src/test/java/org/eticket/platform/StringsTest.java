package org.eticket.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StringsTest {

    @Test
    void requiredFieldsNameThemselves() {
        assertEquals("name is required", assertThrows(ValidationException.class, () -> Strings.required("name", "  ", 10)).getMessage());
        assertEquals("name is longer than 3 characters",
                assertThrows(ValidationException.class, () -> Strings.required("name", "abcd", 3)).getMessage());
        assertEquals("Hall", Strings.required("name", "  Hall ", 10));
        assertNull(Strings.optional("address", " ", 10));
    }

    @Test
    void codesAreFoldedToUpperCaseAndChecked() {
        assertEquals("GRAND-HALL", Strings.code("code", "grand-hall"));
        assertEquals("code \"a b\" may hold only letters, digits, '-' and '_'",
                assertThrows(ValidationException.class, () -> Strings.code("code", "a b")).getMessage());
    }

    @Test
    void coloursEmailsAndNumbers() {
        assertEquals("#d62728", Strings.colour("colour", "#D62728"));
        assertThrows(ValidationException.class, () -> Strings.colour("colour", "red"));
        assertThrows(ValidationException.class, () -> Strings.email("email", "not-an-address"));
        assertEquals("rows must be between 1 and 2000, was 0",
                assertThrows(ValidationException.class, () -> Strings.positive("rows", 0, 2000)).getMessage());
        assertEquals("rows is required", assertThrows(ValidationException.class, () -> Strings.positive("rows", null, 2000)).getMessage());
    }

    @Test
    void searchPatternsEscapeWildcards() {
        assertEquals("%", Strings.like(null));
        assertEquals("%50\\%\\_off%", Strings.like(" 50%_OFF "));
    }

    @Test
    void pagingIsBounded() {
        Page.check(0, 500);
        assertEquals("page must be 0 or more, was -1", assertThrows(ValidationException.class, () -> Page.check(-1, 20)).getMessage());
        assertEquals("page size must be between 1 and 500, was 501",
                assertThrows(ValidationException.class, () -> Page.check(0, 501)).getMessage());
    }
}
