package com.milkrun.lambda;

import com.milkrun.http.ApiRequest;
import com.milkrun.http.ApiRouter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Primes the API function before Lambda SnapStart takes its snapshot: the AWS clients made on first use are made, and
 * a few requests through the router (the catalog, health, a refused order) load and link the classes of routing,
 * JSON, the stores' clients and error mapping, so that a function restored from the snapshot answers its first
 * request without loading them. The requests only read (the refused order is refused before anything is written). On
 * a JDK without checkpoint/restore (the CRaC API's default) registering is harmless and the hook never runs.
 */
final class SnapStartPriming implements Resource {
    private final ApiRouter router;
    private final Runnable makeClients;

    SnapStartPriming(ApiRouter router, Runnable makeClients) {
        this.router = router;
        this.makeClients = makeClients;
    }

    /**
     * Registers the hook; the caller keeps the returned priming reachable (CRaC holds resources weakly).
     *
     * @param makeClients makes the clients that are otherwise made on first use (such as Cognito's), so that the
     *                    snapshot holds them
     */
    static SnapStartPriming register(ApiRouter router, Runnable makeClients) {
        SnapStartPriming priming = new SnapStartPriming(router, makeClients);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        makeClients.run();
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to renew: ids come from SecureRandom, which the runtime reseeds on restore
    }

    /** Sends the priming requests; answers their statuses. */
    List<Integer> prime() {
        List<Integer> statuses = new ArrayList<>();
        statuses.add(send("GET", "/health", ""));
        statuses.add(send("GET", "/products", ""));
        statuses.add(send("GET", "/categories", ""));
        statuses.add(send("POST", "/orders", "{\"items\":[]}"));
        return statuses;
    }

    private int send(String method, String path, String body) {
        ApiRequest request = new ApiRequest(method, path, Map.of(), Map.of("content-type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8), "127.0.0.1", "snapstart-priming");
        return router.handle(request).status();
    }
}
