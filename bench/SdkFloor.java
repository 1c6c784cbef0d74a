import java.net.URI;
import java.time.Instant;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The floor under a Lambda cold start on DynamoDB: a fresh JVM that only builds the AWS SDK's DynamoDB client the way
 * MilkRun's DynamoSetup does (URL-connection HTTP client, the region, the configured endpoint, the default
 * credentials chain) and makes one read (a Scan of one item of the products table), without MilkRun. Whatever MilkRun
 * does on top costs more than this.
 *
 * <p>Prints the same {@code RESULT {...}} line as {@link LambdaColdStart}: "constructed" is the client built,
 * "answered" the first read done, "warm" a second read.
 *
 * <p>Usage: {@code java -cp <shaded jar>:bench/target/lambda-cold-start.jar SdkFloor} with
 * {@code MILKRUN_DYNAMODB_ENDPOINT}, {@code AWS_REGION} and {@code MILKRUN_DYNAMODB_TABLE_PREFIX} set.
 */
public final class SdkFloor {
    public static void main(String[] args) {
        long main = nowMicros();
        DynamoDbClientBuilder builder = DynamoDbClient.builder().region(Region.of(System.getenv("AWS_REGION")))
                .httpClient(UrlConnectionHttpClient.create());
        String endpoint = System.getenv("MILKRUN_DYNAMODB_ENDPOINT");
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        DynamoDbClient dynamo = builder.build();
        long constructed = nowMicros();
        String table = System.getenv("MILKRUN_DYNAMODB_TABLE_PREFIX") + "products";
        ScanResponse first = dynamo.scan(b -> b.tableName(table).limit(1));
        long answered = nowMicros();
        dynamo.scan(b -> b.tableName(table).limit(1));
        long warm = nowMicros();

        long jvmStartMillis = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        boolean ok = first.sdkHttpResponse().isSuccessful();
        System.out.println("RESULT {\"jvmStartUs\":" + jvmStartMillis * 1000
                + ",\"mainUs\":" + main
                + ",\"constructedUs\":" + constructed
                + ",\"parsedUs\":" + constructed
                + ",\"answeredUs\":" + answered
                + ",\"warmUs\":" + warm
                + ",\"status\":" + first.sdkHttpResponse().statusCode()
                + ",\"bodyBytes\":0"
                + ",\"ok\":" + ok + "}");
        System.exit(ok ? 0 : 1);
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
