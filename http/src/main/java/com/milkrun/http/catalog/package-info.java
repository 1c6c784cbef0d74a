/** The catalog over HTTP: the public shop and the vendor portal. */
package com.milkrun.http.catalog;
