package com.milkrun.orders;

import com.milkrun.accounts.Address;

/** The address an order is delivered to, copied from the customer's address book when the order is placed. */
public record DeliveryAddress(String addressId, String label, String line1, String line2, String city, String state,
                              String zipCode) {
    public static DeliveryAddress of(Address a) {
        return new DeliveryAddress(a.addressId(), a.label(), a.line1(), a.line2(), a.city(), a.state(), a.zipCode());
    }
}
