package com.milkrun.catalog;

/** A saved vendor profile and whether this call created it. */
public record SavedVendor(Vendor vendor, boolean created) {
}
