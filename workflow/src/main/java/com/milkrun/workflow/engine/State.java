package com.milkrun.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One state of a definition, as parsed. Paths are {@code Optional}: empty where the definition set the path to JSON
 * {@code null} (InputPath and OutputPath then give {@code {}}, ResultPath discards the result); a path the definition
 * leaves out is {@code $}. {@code next} is empty for a state that ends the run ({@code "End": true}).
 */
public sealed interface State {
    String name();

    /** The definition's {@code Type}, such as {@code Task}. */
    default String type() {
        return getClass().getSimpleName();
    }

    /** The names of the states this one may go to. */
    List<String> successors();

    /** Calls a handler: {@code Resource} names it (see {@link StateMachine#taskName(String)}). */
    record Task(String name, String resource, Optional<ReferencePath> inputPath, Optional<PayloadTemplate> parameters,
                Optional<PayloadTemplate> resultSelector, Optional<ReferencePath> resultPath,
                Optional<ReferencePath> outputPath, int timeoutSeconds, List<Retrier> retry, List<Catcher> catchers,
                Optional<String> next) implements State {
        public Task {
            retry = List.copyOf(retry);
            catchers = List.copyOf(catchers);
        }

        @Override
        public List<String> successors() {
            List<String> names = new ArrayList<>();
            next.ifPresent(names::add);
            catchers.forEach(c -> names.add(c.next()));
            return names;
        }
    }

    /** Passes its input on, optionally reshaped by Parameters or replaced by a fixed Result. */
    record Pass(String name, Optional<ReferencePath> inputPath, Optional<PayloadTemplate> parameters,
                Optional<JsonNode> result, Optional<ReferencePath> resultPath, Optional<ReferencePath> outputPath,
                Optional<String> next) implements State {
        @Override
        public List<String> successors() {
            return next.stream().toList();
        }
    }

    /** Goes to the first branch whose rule matches, else to {@code defaultNext}. */
    record Choice(String name, Optional<ReferencePath> inputPath, Optional<ReferencePath> outputPath,
                  List<Branch> choices, Optional<String> defaultNext) implements State {
        public Choice {
            choices = List.copyOf(choices);
        }

        @Override
        public List<String> successors() {
            List<String> names = new ArrayList<>();
            choices.forEach(b -> names.add(b.next()));
            defaultNext.ifPresent(names::add);
            return names;
        }
    }

    /** A Choice rule and where it leads. */
    record Branch(ChoiceRule rule, String next) {
    }

    /**
     * Waits for a number of seconds or until an instant, each given literally or by a path (exactly one of the
     * four is present).
     */
    record Wait(String name, Optional<ReferencePath> inputPath, Optional<ReferencePath> outputPath,
                Optional<Long> seconds, Optional<ReferencePath> secondsPath, Optional<Instant> timestamp,
                Optional<ReferencePath> timestampPath, Optional<String> next) implements State {
        @Override
        public List<String> successors() {
            return next.stream().toList();
        }
    }

    /** Ends the run successfully with its input as the run's output. */
    record Succeed(String name, Optional<ReferencePath> inputPath, Optional<ReferencePath> outputPath)
            implements State {
        @Override
        public List<String> successors() {
            return List.of();
        }
    }

    /** Ends the run as failed with an error and a cause, literal or taken from the input by a path. */
    record Fail(String name, Optional<String> error, Optional<ReferencePath> errorPath, Optional<String> cause,
                Optional<ReferencePath> causePath) implements State {
        @Override
        public List<String> successors() {
            return List.of();
        }
    }

    /**
     * A Retry rule: on an error it names, try again after {@code intervalSeconds × backoffRate^retries}, capped by
     * {@code maxDelaySeconds}, at most {@code maxAttempts} times.
     */
    record Retrier(List<String> errorEquals, long intervalSeconds, int maxAttempts, double backoffRate,
                   Optional<Long> maxDelaySeconds) {
        public Retrier {
            errorEquals = List.copyOf(errorEquals);
        }
    }

    /** A Catch rule: on an error it names, put {@code {Error, Cause}} at {@code resultPath} and go to {@code next}. */
    record Catcher(List<String> errorEquals, Optional<ReferencePath> resultPath, String next) {
        public Catcher {
            errorEquals = List.copyOf(errorEquals);
        }
    }
}
