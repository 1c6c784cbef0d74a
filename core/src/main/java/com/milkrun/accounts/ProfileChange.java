package com.milkrun.accounts;

/** The profile fields a user may change; a null field keeps its value. */
public record ProfileChange(String name, String phone) {
}
