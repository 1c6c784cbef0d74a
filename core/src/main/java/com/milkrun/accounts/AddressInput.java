package com.milkrun.accounts;

/** An address as a client sends it, before validation. Any field may be null. */
public record AddressInput(String label, String line1, String line2, String city, String state, String zipCode,
                           Boolean isDefault) {
}
