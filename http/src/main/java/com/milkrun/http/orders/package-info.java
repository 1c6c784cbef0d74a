/** The API's order routes: placing, quoting, reading and cancelling orders, dairies' decisions, the back office list. */
package com.milkrun.http.orders;
