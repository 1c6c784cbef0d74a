/**
 * Unit tests of the core's use cases, by audience: the shop, the vendor portal, signing in, one's own account and the
 * back office. They run on the in-memory stores with the core's Object Mothers, a stopped clock and an identity
 * provider that records what it was asked, so that each rule is checked without HTTP, SQL or a server.
 */
package com.milkrun.usecases;
