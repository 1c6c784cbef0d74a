/** The local and self-hosted runner: one process, Jetty serving the JSON API and the web UI. */
package com.milkrun.server;
