/** The order workflow's runs over HTTP, for the back office. */
package com.milkrun.http.workflow;
