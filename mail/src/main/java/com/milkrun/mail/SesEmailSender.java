package com.milkrun.mail;

import com.milkrun.notifications.EmailSender;
import com.milkrun.shared.Lazy;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ClientBuilder;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.LimitExceededException;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/**
 * Sends each email through Amazon SES: one {@code SendEmail} call of the SES v2 API with simple content, a UTF-8
 * subject and a UTF-8 plain-text body, from {@link SesSettings#from()} to the one recipient, in the configuration
 * set when one is configured.
 *
 * <p>The client is made on the first email (or by {@link #makeClient()}) and uses the URL-connection HTTP client
 * (nothing to start on a Lambda cold start) and the SDK's default retries, which repeat throttled and unreachable calls
 * with backoff but never a rejected message. Connecting, each read and the whole call including retries are bounded,
 * so a stuck endpoint cannot hang a worker. Every failure is an {@link EmailFailed} naming its cause (the SES error
 * code, HTTP status, request id and SES's explanation, or the network problem) and never the subject or the body.
 * Close the sender to release its HTTP client.
 */
public final class SesEmailSender implements EmailSender, AutoCloseable {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final SesSettings settings;
    private final String from;
    private final Duration callTimeout;
    private final Lazy<SesV2Client> client;

    /**
     * A sender signing with the SDK's default credentials chain (on Lambda, the function's role).
     *
     * @throws IllegalArgumentException when the from address is not a valid email address
     */
    public SesEmailSender(SesSettings settings) {
        this(settings, DefaultCredentialsProvider.builder().build());
    }

    /**
     * A sender signing with {@code credentials}, such as placeholder static credentials for a local SES server.
     *
     * @throws IllegalArgumentException when the from address is not a valid email address
     */
    public SesEmailSender(SesSettings settings, AwsCredentialsProvider credentials) {
        this(settings, credentials, CALL_TIMEOUT);
    }

    SesEmailSender(SesSettings settings, AwsCredentialsProvider credentials, Duration callTimeout) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(credentials, "credentials");
        this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
        try {
            this.from = asciiAddress(settings.from());
        } catch (AddressException e) {
            throw new IllegalArgumentException("SES from address is not valid: " + settings.from(), e);
        }
        // made on the first email: a Lambda function that sends none (most API calls) never pays for the client
        this.client = Lazy.of(() -> client(settings, credentials, callTimeout));
    }

    private static SesV2Client client(SesSettings settings, AwsCredentialsProvider credentials, Duration callTimeout) {
        SesV2ClientBuilder builder = SesV2Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(READ_TIMEOUT))
                .overrideConfiguration(override -> override.apiCallTimeout(callTimeout));
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Override
    public void send(String to, String subject, String body) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        String recipient;
        try {
            recipient = asciiAddress(to);
        } catch (AddressException e) {
            // Not the exception itself as the cause: its text repeats the address, which is personal data.
            throw new EmailFailed("Could not send email through " + settings.destination()
                    + ": the recipient is not a valid email address", null);
        }
        try {
            client.get().sendEmail(request(recipient, subject, body));
        } catch (SdkException e) {
            throw new EmailFailed("Could not send email through " + settings.destination() + ": " + cause(e), e);
        }
    }

    /** Makes the SES client now instead of on the first email: before a snapshot of the process is taken. */
    public void makeClient() {
        client.get();
    }

    /** Closes the SES client and its HTTP client, if they were made. */
    @Override
    public void close() {
        client.close();
    }

    private SendEmailRequest request(String recipient, String subject, String body) {
        SendEmailRequest.Builder request = SendEmailRequest.builder()
                .fromEmailAddress(from)
                .destination(destination -> destination.toAddresses(recipient))
                .content(content -> content.simple(message -> message
                        .subject(text -> text.charset(UTF_8).data(subject))
                        .body(text -> text.text(plain -> plain.charset(UTF_8).data(body)))));
        settings.configurationSet().ifPresent(request::configurationSetName);
        return request.build();
    }

    /**
     * The address as SES accepts it: checked strictly, with a non-ASCII display name (such as {@code दूधवाला
     * <no-reply@milkrun.example>}) turned into an RFC 2047 encoded word, since SES takes 7-bit addresses only.
     */
    private static String asciiAddress(String address) throws AddressException {
        InternetAddress parsed = new InternetAddress(address, true);
        if (parsed.getPersonal() == null) {
            return parsed.getAddress();
        }
        try {
            return new InternetAddress(parsed.getAddress(), parsed.getPersonal(), UTF_8).toString();
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    private String cause(SdkException e) {
        return switch (e) {
            case MessageRejectedException rejected -> "SES rejected the message" + details(rejected);
            case MailFromDomainNotVerifiedException mailFrom ->
                    "the sender's MAIL FROM domain is not verified in SES" + details(mailFrom);
            case AccountSuspendedException suspended -> "the SES account is suspended from sending" + details(suspended);
            case SendingPausedException paused ->
                    "sending is paused for the SES account or the configuration set" + details(paused);
            case TooManyRequestsException throttled -> "SES throttled the request" + details(throttled);
            case LimitExceededException limited -> "an SES sending limit is exceeded" + details(limited);
            case NotFoundException notFound ->
                    "SES does not know something the request names, such as the configuration set" + details(notFound);
            case BadRequestException badRequest -> "SES refused the request as invalid" + details(badRequest);
            case AwsServiceException service when service.isThrottlingException() ->
                    "SES throttled the request" + details(service);
            case AwsServiceException service -> "SES answered with an error" + details(service);
            case ApiCallTimeoutException timeout -> "SES did not answer within " + callTimeout + " (with retries)";
            case SdkClientException failed -> "SES could not be called: " + failed.getMessage();
            default -> e.getMessage();
        };
    }

    // SES's own explanation names identities and limits, never the content of the message.
    private static String details(AwsServiceException e) {
        AwsErrorDetails error = e.awsErrorDetails();
        String code = error == null || error.errorCode() == null ? "unknown error" : error.errorCode();
        String explanation = error == null || error.errorMessage() == null ? "" : ": " + error.errorMessage();
        return " (" + code + ", HTTP " + e.statusCode() + ", request " + e.requestId() + ")" + explanation;
    }
}
