package com.milkrun.store.sql.workflow;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.milkrun.store.sql.SqlTime;
import com.milkrun.workflow.RunEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A run's history as {@code workflow_history} keeps it: the events of one write together in one row, a page, as a JSON
 * array of objects {@code {"type", "state", "detail", "at"}} ({@code state} and {@code detail} left out when null,
 * {@code at} to the microsecond), numbered {@code first_seq} to {@code last_seq}.
 */
public final class HistoryPages {
    /** The columns of a page, in the order of {@link #values}. */
    public static final String COLUMNS = "run_id, first_seq, last_seq, events";
    public static final String INSERT = "INSERT INTO workflow_history (" + COLUMNS + ") VALUES (?, ?, ?, ?)";
    /**
     * The number of a run's last event ({@code seq}, 0 before the first), for a page appended after it; the parameter
     * is the run id. Whoever appends holds the run row's lock, so nobody numbers that run's events meanwhile.
     */
    static final String LAST_SEQ = "SELECT COALESCE(MAX(last_seq), 0) AS seq FROM workflow_history WHERE run_id = ?";

    private static final JsonFactory JSON = new JsonFactory();

    private HistoryPages() {
    }

    /** The values of {@link #COLUMNS} for {@code events} numbered from {@code firstSeq} on. */
    public static List<Object> values(String runId, long firstSeq, List<RunEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a page holds at least one event");
        }
        return Arrays.asList(runId, firstSeq, firstSeq + events.size() - 1, write(events));
    }

    /** The events as a page's JSON array. */
    public static String write(List<RunEvent> events) {
        StringWriter out = new StringWriter(256 * events.size());
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartArray();
            for (RunEvent e : events) {
                json.writeStartObject();
                json.writeStringField("type", e.type());
                if (e.state() != null) {
                    json.writeStringField("state", e.state());
                }
                if (e.detail() != null) {
                    json.writeStringField("detail", e.detail());
                }
                json.writeStringField("at", SqlTime.micros(e.at()).toString());
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The events of a page whose first event is numbered {@code firstSeq}. */
    public static List<RunEvent> read(long firstSeq, String page) {
        List<RunEvent> events = new ArrayList<>();
        try (JsonParser json = JSON.createParser(page)) {
            expect(json.nextToken(), JsonToken.START_ARRAY, page);
            long seq = firstSeq;
            while (json.nextToken() == JsonToken.START_OBJECT) {
                String type = null;
                String state = null;
                String detail = null;
                Instant at = null;
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String field = json.currentName();
                    expect(json.nextToken(), JsonToken.VALUE_STRING, page);
                    switch (field) {
                        case "type" -> type = json.getText();
                        case "state" -> state = json.getText();
                        case "detail" -> detail = json.getText();
                        case "at" -> at = Instant.parse(json.getText());
                        default -> throw new IllegalStateException("unknown field " + field + " in a history page");
                    }
                }
                if (type == null || at == null) {
                    throw new IllegalStateException("an event of a history page has no type or time: "
                            + page.substring(0, Math.min(page.length(), 200)));
                }
                events.add(new RunEvent(seq++, type, state, detail, at));
            }
            expect(json.currentToken(), JsonToken.END_ARRAY, page);
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void expect(JsonToken token, JsonToken expected, String page) {
        if (token != expected) {
            throw new IllegalStateException("a history page is not an array of events: found " + token + " for "
                    + expected + " in " + page.substring(0, Math.min(page.length(), 200)));
        }
    }
}
