package com.milkrun.shared;

/** A write lost a race: the record changed since it was read. Callers re-read and try again, or report 409. */
public final class ConcurrentModification extends DomainException {
    public ConcurrentModification(String what) {
        super(Failure.CONFLICT, "Conflict", what + " was changed by someone else; reload and try again");
    }
}
