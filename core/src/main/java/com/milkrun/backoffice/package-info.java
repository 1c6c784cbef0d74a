/**
 * The back office: what managers and admins do to the platform's users and vendors (roles, disabling, vendor
 * approval) and how they see the whole catalog. It uses accounts and the catalog; neither uses it.
 */
package com.milkrun.backoffice;
