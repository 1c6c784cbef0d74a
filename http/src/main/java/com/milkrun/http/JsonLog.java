package com.milkrun.http;

import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Structured logs: one JSON object per line on standard output ({@code timestamp}, {@code level}, {@code message}
 * and fields such as {@code requestId}, {@code userId}, {@code action}, {@code status}, {@code durationMs}). Tokens,
 * passwords and request bodies are never logged.
 */
public final class JsonLog {
    public enum Level { DEBUG, INFO, WARN, ERROR }

    private final Level threshold;
    private final Clock clock;
    private final PrintStream out;

    public JsonLog(String level, Clock clock, PrintStream out) {
        this.threshold = parse(level);
        this.clock = clock;
        this.out = out;
    }

    public JsonLog(String level, Clock clock) {
        this(level, clock, System.out);
    }

    public boolean enabled(Level level) {
        return level.ordinal() >= threshold.ordinal();
    }

    public void log(Level level, String message, Map<String, ?> fields) {
        if (!enabled(level)) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", clock.instant().toString());
        line.put("level", level.name());
        line.put("message", message);
        fields.forEach((k, v) -> {
            if (v != null) {
                line.put(k, v);
            }
        });
        String text = Json.writeString(line);
        synchronized (out) {
            out.println(text);
        }
    }

    public void info(String message, Map<String, ?> fields) {
        log(Level.INFO, message, fields);
    }

    public void warn(String message, Map<String, ?> fields) {
        log(Level.WARN, message, fields);
    }

    public void error(String message, Map<String, ?> fields) {
        log(Level.ERROR, message, fields);
    }

    private static Level parse(String level) {
        try {
            return Level.valueOf(level == null ? "INFO" : level.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Level.INFO;
        }
    }
}
