package com.milkrun.shared;

/**
 * The details of an expected outcome, as a record the use case fills in: which product is short and by how much,
 * which profile fields are missing. A {@link DomainException} carries it; the edge decides how it is written (the
 * API renders each kind to fields of its error envelope), so the core never builds wire shapes itself. Each
 * capability declares its own sealed family of problems.
 */
public interface Problem {
}
