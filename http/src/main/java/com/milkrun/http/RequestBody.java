package com.milkrun.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;

/**
 * A request's body as one JSON object, checked for media type and parsed once per request: the read-ahead, the
 * attempt guard and the handler read the same tree (or get the same refusal). Each {@link #json()} is a {@link Body}
 * of its own, so that the wrong types one reader records are not another's.
 */
public final class RequestBody {
    private final ApiRequest request;
    private JsonNode tree;
    private RuntimeException refused;

    public RequestBody(ApiRequest request) {
        this.request = request;
    }

    /** The body as one JSON object; a 415 or 400 problem when it is not one (the same one every time). */
    public Body json() {
        if (tree == null && refused == null) {
            try {
                tree = parse(request);
            } catch (RuntimeException e) {
                refused = e;
            }
        }
        if (refused != null) {
            throw refused;
        }
        return new Body(tree);
    }

    private static JsonNode parse(ApiRequest request) {
        Optional<String> type = request.header("content-type");
        if (type.isPresent() && !type.get().toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new HttpProblem(415, "UnsupportedMediaType", "Request body must be application/json");
        }
        return Json.parseObject(request.body());
    }
}
