/**
 * The JSON API, independent of any transport: {@link com.milkrun.http.ApiRouter} takes an {@link com.milkrun.http.ApiRequest}
 * and returns an {@link com.milkrun.http.ApiResponse}. The local Jetty server and the Lambda handler are thin adapters
 * around it, so both answer every request identically.
 */
package com.milkrun.http;
