package com.milkrun.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built web UI, read from the classpath folder {@code web/} (packaged by the web module) and kept in memory.
 * Browser navigation to any page (a GET that accepts HTML) gets {@code index.html}, so the UI's own router can show
 * the page; API clients asking for JSON at the same path get the API.
 */
final class StaticFiles {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("json", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("woff2", "font/woff2"));

    private final ClassLoader loader;
    private final Map<String, Optional<byte[]>> cache = new ConcurrentHashMap<>();

    StaticFiles(ClassLoader loader) {
        this.loader = loader;
    }

    /** A file of the UI when {@code path} names one, e.g. {@code /assets/index-3f2a.js}. */
    Optional<Asset> file(String path) {
        if (path.contains("..") || !path.startsWith("/") || path.endsWith("/")) {
            return Optional.empty();
        }
        String name = path.substring(1);
        int dot = name.lastIndexOf('.');
        if (dot < 0 || name.isEmpty()) {
            return Optional.empty();
        }
        return read(name).map(bytes -> new Asset(bytes, TYPES.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT),
                "application/octet-stream"), name.startsWith("assets/")));
    }

    /** The UI's entry page, if the UI was built into this package. */
    Optional<Asset> indexPage() {
        return read("index.html").map(bytes -> new Asset(bytes, TYPES.get("html"), false));
    }

    private Optional<byte[]> read(String name) {
        return cache.computeIfAbsent(name, n -> {
            try (InputStream in = loader.getResourceAsStream("web/" + n)) {
                return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * A file to send.
     *
     * @param immutable whether its name carries a content hash, so browsers may cache it for good
     */
    record Asset(byte[] bytes, String contentType, boolean immutable) {
    }
}
