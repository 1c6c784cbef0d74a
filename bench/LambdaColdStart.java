import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.milkrun.lambda.ApiGatewayHandler;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One Lambda cold start in a fresh JVM: constructs {@link ApiGatewayHandler} the way the Lambda runtime does (no-arg
 * constructor, configuration from the environment), parses an API Gateway event fixture with Jackson and answers it.
 *
 * <p>Prints one line {@code RESULT {...}} with epoch microseconds of each milestone and the JVM start time from
 * {@code RuntimeMXBean}, which is read only after the measured work so that loading java.management does not count.
 * lambda-cold-start.sh turns these into uptimes (milestone - JVM start) and wall times (milestone - process launch).
 *
 * <p>Usage: {@code java -cp <shaded jar>:bench/target/classes LambdaColdStart <event.json>}. It also runs in
 * source-file mode ({@code java -cp <shaded jar> bench/LambdaColdStart.java <event.json>}), but then the in-process
 * compilation (about 0.5-1 s) counts as start-up, so the script compiles it once instead.
 */
public final class LambdaColdStart {
    public static void main(String[] args) throws Exception {
        long main = nowMicros();
        ApiGatewayHandler handler = new ApiGatewayHandler();
        long constructed = nowMicros();

        ObjectMapper events = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        APIGatewayProxyRequestEvent event = events.readValue(Files.readString(Path.of(args[0])),
                APIGatewayProxyRequestEvent.class);
        long parsed = nowMicros();
        APIGatewayProxyResponseEvent first = handler.handleRequest(event, null);
        long answered = nowMicros();
        APIGatewayProxyResponseEvent second = handler.handleRequest(event, null);
        long warm = nowMicros();

        long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        String body = first.getBody() == null ? "" : first.getBody();
        boolean ok = first.getStatusCode() == 200 && body.contains("\"items\"") && second.getStatusCode() == 200;
        System.out.println("RESULT {\"jvmStartUs\":" + jvmStartMillis * 1000
                + ",\"mainUs\":" + main
                + ",\"constructedUs\":" + constructed
                + ",\"parsedUs\":" + parsed
                + ",\"answeredUs\":" + answered
                + ",\"warmUs\":" + warm
                + ",\"status\":" + first.getStatusCode()
                + ",\"bodyBytes\":" + body.length()
                + ",\"ok\":" + ok + "}");
        if (!ok) {
            System.err.println("unexpected answer: " + first.getStatusCode() + " " + body);
            System.exit(1);
        }
        System.exit(0); // do not wait for pool housekeeping threads
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
