/**
 * Who is calling and what they may do: the {@link com.milkrun.access.Principal} a verified token names, its
 * {@link com.milkrun.access.Role}, the {@link com.milkrun.access.Capability capabilities} each role holds and
 * {@link com.milkrun.access.Access}, the one place where those rules are decided. Every other capability package may
 * depend on this one; it depends on none of them.
 */
package com.milkrun.access;
