/**
 * One abstract contract suite per store port. Every adapter (in memory, H2, PostgreSQL, and later DynamoDB) runs the
 * same suite by extending it and supplying a fresh, empty store per test, so that all adapters behave alike.
 */
package com.milkrun.contract;
