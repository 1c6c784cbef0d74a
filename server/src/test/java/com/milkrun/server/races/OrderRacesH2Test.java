package com.milkrun.server.races;

import com.milkrun.app.api.TestConfigs;
import com.milkrun.server.LocalServer;

/** The order races on the default embedded H2 database. */
class OrderRacesH2Test extends OrderRacesContract {
    @Override
    protected LocalServer startServer() throws Exception {
        return LocalServer.start(TestConfigs.h2());
    }
}
