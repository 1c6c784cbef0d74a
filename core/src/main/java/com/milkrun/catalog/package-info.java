/**
 * The catalog: vendors (local dairies) with the pincodes they deliver to, and their products. Only active products
 * of approved vendors are listed to the public; vendors manage their own, managers and admins see everything.
 */
package com.milkrun.catalog;
