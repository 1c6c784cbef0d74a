package com.milkrun.http;

import com.milkrun.access.Capability;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import com.milkrun.http.limits.AttemptGuard;
import com.milkrun.shared.Input;
import java.util.Optional;

/**
 * One API operation: method, path template ({@code /products/{productId}}), who may call it, and its handler.
 *
 * @param action     the name used in logs, e.g. {@code ListProducts}
 * @param capability empty for public routes; otherwise the caller must be signed in and hold it
 * @param attempts   present on routes that check or send a secret (a password, an emailed code): the router counts
 *                   their attempts against guessing
 * @param readAhead  on protected routes, what the handler will read first, to be read together with the caller's
 *                   account while the token is checked
 */
public record Route(String method, String template, String action, Optional<Capability> capability, Handler handler,
                    Optional<Attempts> attempts, Optional<ReadAhead> readAhead) {
    /** Handles a call that passed authentication and authorization. */
    @FunctionalInterface
    public interface Handler {
        ApiResponse handle(Call call);
    }

    /**
     * Reads, for the request being answered, what the handler will read first, together with the account of the user
     * the request's verified token names, and has the request remember both (see
     * {@link com.milkrun.accounts.SignIn#authenticate(String, java.util.function.Consumer)}). It runs before that
     * account is checked: it must show nothing and change nothing, and a request it cannot make sense of (a body the
     * handler will refuse) reads nothing ahead.
     */
    @FunctionalInterface
    public interface ReadAhead {
        void read(RequestBody body, String userId);
    }

    public static Route open(String method, String template, String action, Handler handler) {
        return new Route(method, template, action, Optional.empty(), handler, Optional.empty(), Optional.empty());
    }

    public static Route secured(String method, String template, String action, Capability capability, Handler handler) {
        return new Route(method, template, action, Optional.of(capability), handler, Optional.empty(), Optional.empty());
    }

    /**
     * This route, with its attempts counted against guessing: {@code kind} says what it checks or sends, and the
     * account concerned is the body's {@code emailField}.
     */
    public Route guarding(AttemptGuard.Kind kind, String emailField) {
        return new Route(method, template, action, capability, handler, Optional.of(new Attempts(kind, emailField)),
                readAhead);
    }

    /** This protected route, reading ahead with the caller's account what its handler reads first. */
    public Route readingAhead(ReadAhead ahead) {
        if (capability.isEmpty()) {
            throw new IllegalStateException(action + " is public: there is no caller's account to read ahead with");
        }
        return new Route(method, template, action, capability, handler, attempts, Optional.of(ahead));
    }

    /** What a route checks or sends, and the body field naming the account. */
    public record Attempts(AttemptGuard.Kind kind, String emailField) {
        /** The account the request names, or empty when the body has none (the handler will refuse it anyway). */
        String account(RequestBody body) {
            try {
                return body.json().textInput(emailField) instanceof Input.Given<String> given ? given.value() : "";
            } catch (RuntimeException malformed) {
                return "";
            }
        }
    }

    List<String> segments() {
        return split(template);
    }

    /** The path parameters when {@code path} matches this template, else empty. */
    Optional<Map<String, String>> match(List<String> pathSegments) {
        return match(segments(), pathSegments);
    }

    /** The path parameters when {@code pathSegments} match the template's {@code segments}, else empty. */
    static Optional<Map<String, String>> match(List<String> segments, List<String> pathSegments) {
        if (segments.size() != pathSegments.size()) {
            return Optional.empty();
        }
        Map<String, String> params = Map.of();
        for (int i = 0; i < segments.size(); i++) {
            String want = segments.get(i);
            String got = pathSegments.get(i);
            if (want.startsWith("{") && want.endsWith("}")) {
                if (got.isEmpty()) {
                    return Optional.empty();
                }
                if (params.isEmpty()) {
                    params = new HashMap<>();
                }
                params.put(want.substring(1, want.length() - 1), got);
            } else if (!want.equals(got)) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }
}
