package com.milkrun.http;

import com.milkrun.access.Access;
import com.milkrun.access.Principal;
import com.milkrun.accounts.SignIn;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.RequestScope;
import com.milkrun.http.limits.AttemptGuard;
import com.milkrun.http.limits.RequestLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Routes a request to its operation. Everything every route needs happens here, once: body size limit, route and
 * method matching, authentication of the bearer token, the role check ({@link Access}), error mapping to the
 * envelope, common headers, CORS and the request log line, and the limits per client and account
 * ({@link RequestLimiter}) and against guessing ({@link AttemptGuard}).
 */
public final class ApiRouter {
    /** How many causes of an unhandled error its logged stack goes into. */
    private static final int MAX_CAUSES = 5;

    private static final String ALLOWED_HEADERS = "Content-Type,Authorization,Idempotency-Key," + RefreshCookie.REQUEST_HEADER;

    /** The routes in matching order, each with its template split into segments once. */
    private final List<Compiled> compiled;
    private final SignIn signIn;
    private final ApiSettings settings;
    private final JsonLog log;
    private final RequestLimiter limiter;
    private final AttemptGuard guard;
    private final RequestObserver observer;

    public ApiRouter(List<Route> routes, SignIn signIn, ApiSettings settings, JsonLog log) {
        this(routes, signIn, settings, log, Clock.systemUTC());
    }

    /** A router whose rate limits and attempt counts go by {@code clock}. */
    public ApiRouter(List<Route> routes, SignIn signIn, ApiSettings settings, JsonLog log, Clock clock) {
        this(routes, signIn, settings, log, new RequestLimiter(settings.limits(), clock),
                new AttemptGuard(settings.limits(), clock), RequestObserver.NONE);
    }

    private ApiRouter(List<Route> routes, SignIn signIn, ApiSettings settings, JsonLog log, RequestLimiter limiter,
                      AttemptGuard guard, RequestObserver observer) {
        this.compiled = routes.stream().map(r -> new Compiled(r, r.segments()))
                .sorted(Comparator.comparingLong(c -> c.segments().stream().filter(s -> s.startsWith("{")).count()))
                .toList();
        this.signIn = signIn;
        this.settings = settings;
        this.log = log;
        this.limiter = limiter;
        this.guard = guard;
        this.observer = observer;
    }

    /** This router, telling {@code observer} about every request it answers (metrics). */
    public ApiRouter observedBy(RequestObserver observer) {
        return new ApiRouter(routes(), signIn, settings, log, limiter, guard, observer);
    }

    /** The routes in matching order. */
    public List<Route> routes() {
        return compiled.stream().map(Compiled::route).toList();
    }

    public ApiResponse handle(ApiRequest request) {
        long started = System.nanoTime();
        String action = "Unmatched";
        String userId = null;
        ApiResponse response;
        try (RequestScope scope = RequestScope.open()) {
            if (!request.method().equals("OPTIONS")) {
                limiter.admitClient(request.sourceIp()).ifPresent(wait -> {
                    throw rateLimitExceeded(wait);
                });
            }
            List<String> segments = Route.split(request.path());
            List<Match> matches = new ArrayList<>();
            for (Compiled c : compiled) {
                Route.match(c.segments(), segments).ifPresent(params -> matches.add(new Match(c.route(), params)));
            }
            if (matches.isEmpty()) {
                throw new HttpProblem(404, "NotFound", "Route not found");
            }
            Set<String> allowed = new LinkedHashSet<>();
            matches.forEach(m -> allowed.add(m.route().method()));
            if (request.method().equals("OPTIONS")) {
                response = preflight(allowed);
            } else {
                Match match = matches.stream().filter(m -> m.route().method().equals(request.method())).findFirst()
                        .orElseThrow(() -> new HttpProblem(405, "MethodNotAllowed",
                                "Method " + request.method() + " is not allowed here", Map.of("Allow", String.join(", ", allowed))));
                action = match.route().action();
                if (request.body().length > settings.maxBodyBytes()) {
                    throw new HttpProblem(413, "PayloadTooLarge", "Request body must be at most " + settings.maxBodyBytes() + " bytes");
                }
                Principal caller = null;
                RequestBody body = new RequestBody(request);
                if (match.route().capability().isPresent()) {
                    caller = authenticate(request, body, match.route());
                    userId = caller.userId();
                    Access.require(caller, match.route().capability().get());
                }
                response = handle(match, request, body, caller);
            }
        } catch (DomainException e) {
            response = ErrorMapping.toResponse(e);
        } catch (HttpProblem p) {
            response = ErrorMapping.toResponse(p);
        } catch (RuntimeException e) {
            log.error("Unhandled error", fields(request, action, userId, 500, started, Map.of("error", e.toString(),
                    "stack", stackOf(e))));
            response = ErrorMapping.internalError(request.requestId());
        }
        response = finish(request, response);
        if (log.enabled(JsonLog.Level.INFO) || response.status() >= 500) {
            log.info("request", fields(request, action, userId, response.status(), started, Map.of()));
        }
        observer.requestHandled(action, request.method(), response.status(), System.nanoTime() - started);
        return response;
    }

    /** Runs the route's handler; on routes that check or send a secret, counts the attempt against guessing. */
    private ApiResponse handle(Match match, ApiRequest request, RequestBody body, Principal caller) {
        Call call = new Call(request, match.params(), caller, body);
        Optional<Route.Attempts> attempts = match.route().attempts();
        if (attempts.isEmpty()) {
            return match.route().handler().handle(call);
        }
        AttemptGuard.Kind kind = attempts.get().kind();
        AttemptGuard.Permit permit;
        try {
            permit = guard.admit(kind, request.sourceIp(), attempts.get().account(body));
        } catch (AttemptGuard.Refused refused) {
            long seconds = wholeSeconds(refused.retryAfter());
            throw new HttpProblem(429, "TooManyAttempts", "Too many attempts. Try again in " + seconds
                    + (seconds == 1 ? " second." : " seconds."), Map.of("Retry-After", Long.toString(seconds)));
        }
        AttemptGuard.Outcome outcome = AttemptGuard.Outcome.NOT_CHECKED;
        try {
            ApiResponse response = match.route().handler().handle(call);
            outcome = response.status() < 400 ? AttemptGuard.Outcome.SUCCEEDED : AttemptGuard.Outcome.NOT_CHECKED;
            return response;
        } catch (DomainException e) {
            outcome = kind.isFailure(e.error()) ? AttemptGuard.Outcome.FAILED : AttemptGuard.Outcome.NOT_CHECKED;
            throw e;
        } finally {
            permit.settle(outcome);
        }
    }

    private static HttpProblem rateLimitExceeded(Duration wait) {
        long seconds = wholeSeconds(wait);
        return new HttpProblem(429, "RateLimitExceeded", "Too many requests. Try again in " + seconds
                + (seconds == 1 ? " second." : " seconds."), Map.of("Retry-After", Long.toString(seconds)));
    }

    /** A wait rounded up to whole seconds, at least one: what {@code Retry-After} carries. */
    private static long wholeSeconds(Duration wait) {
        long millis = Math.max(0, wait.toMillis());
        return Math.max(1, (millis + 999) / 1000);
    }

    private Principal authenticate(ApiRequest request, RequestBody body, Route route) {
        String header = request.header("authorization").orElseThrow(() -> DomainException.unauthorized("Missing authentication token"));
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw DomainException.unauthorized("Authorization header must be 'Bearer <token>'");
        }
        String token = header.substring(7).strip();
        return signIn.authenticate(token, userId -> {
            // a burst is refused on the verified token alone, before anything of the account or the route is read
            limiter.admitAccount(userId).ifPresent(wait -> {
                throw rateLimitExceeded(wait);
            });
            route.readAhead().ifPresent(ahead -> ahead.read(body, userId));
        });
    }

    private ApiResponse preflight(Set<String> allowed) {
        Set<String> methods = new LinkedHashSet<>(allowed);
        methods.add("OPTIONS");
        return new ApiResponse(204, Map.of("Allow", String.join(", ", methods),
                "Access-Control-Allow-Methods", String.join(",", methods),
                "Access-Control-Allow-Headers", ALLOWED_HEADERS,
                "Access-Control-Max-Age", "600"), new byte[0]);
    }

    private ApiResponse finish(ApiRequest request, ApiResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Request-Id", request.requestId());
        Optional<String> origin = request.header("origin");
        if (origin.isPresent() && allowsOrigin(origin.get())) {
            headers.put("Access-Control-Allow-Origin", settings.corsOrigins().contains("*") ? "*" : origin.get());
            headers.put("Vary", "Origin");
        }
        return response.withHeaders(headers);
    }

    private boolean allowsOrigin(String origin) {
        return settings.corsOrigins().contains("*") || settings.corsOrigins().contains(origin);
    }

    private static Map<String, Object> fields(ApiRequest request, String action, String userId, int status, long started,
                                              Map<String, Object> extra) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("requestId", request.requestId());
        f.put("userId", userId);
        f.put("action", action);
        f.put("method", request.method());
        f.put("path", request.path());
        f.put("status", status);
        f.put("durationMs", (System.nanoTime() - started) / 1_000_000.0);
        f.putAll(extra);
        return f;
    }

    /** The error's frames and those of its causes (the driver's own exception says what really went wrong). */
    static String stackOf(Throwable e) {
        StringBuilder trace = new StringBuilder();
        Throwable current = e;
        for (int depth = 0; current != null && depth < MAX_CAUSES; depth++) {
            trace.append(depth == 0 ? "" : "\nCaused by: ").append(current);
            for (StackTraceElement frame : current.getStackTrace()) {
                trace.append("\n\tat ").append(frame);
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return trace.toString();
    }

    private record Compiled(Route route, List<String> segments) {
    }

    private record Match(Route route, Map<String, String> params) {
    }
}
