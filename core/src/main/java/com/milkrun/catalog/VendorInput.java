package com.milkrun.catalog;

import java.util.List;

/** A vendor profile as its owner sends it, before validation. Any field may be null. */
public record VendorInput(String name, String description, String contactEmail, String contactPhone, List<String> pincodes) {
}
