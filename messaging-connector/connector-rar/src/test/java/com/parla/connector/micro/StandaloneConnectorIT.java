package com.parla.connector.micro;

import com.parla.connector.api.AdapterStatus;
import com.parla.connector.api.ChannelConnection;
import com.parla.connector.api.ChannelConnectionFactory;
import jakarta.annotation.Resource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import com.parla.connector.api.ChannelAccountRegistration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connector on its own: the RAR deployed standalone on Payara Micro, used by a plain WAR (no EAR, none of
 * Parla's business code), to show it is a reusable JCA resource adapter.
 */
@ExtendWith(ArquillianExtension.class)
class StandaloneConnectorIT {

    @Deployment
    static WebArchive war() {
        return ShrinkWrap.create(WebArchive.class, "connector-component.war")
                .addClasses(RecordingReceiver.class, MicroChannelResources.class);
    }

    @Resource(lookup = "java:app/eis/channels")
    ChannelConnectionFactory channels;

    @Test
    void adapterIsStartedAndTheEndpointBound() throws Exception {
        try (ChannelConnection connection = channels.getConnection()) {
            AdapterStatus status = connection.status();
            assertTrue(status.started());
            assertEquals(1, status.activeEndpoints());
        }
    }

    @Test
    void deliveryReachesTheEndpointInsideAContainerTransaction() throws Exception {
        String id = UUID.randomUUID().toString();
        try (ChannelConnection connection = channels.getConnection()) {
            assertEquals(1, connection.deliverProbe(id));
        }
        assertEquals(Boolean.TRUE, RecordingReceiver.RECEIVED_IN_TRANSACTION.get(id));
    }

    @Test
    void endpointThatFailsIsReportedAsNotTaken() throws Exception {
        String id = RecordingReceiver.REFUSE + UUID.randomUUID();
        try (ChannelConnection connection = channels.getConnection()) {
            assertEquals(0, connection.deliverProbe(id), "the failure is reported, so a webhook can answer 5xx");
        }
        assertTrue(RecordingReceiver.RECEIVED_IN_TRANSACTION.containsKey(id), "it was tried");
    }

    @Test
    void probeWithoutIdIsRefused() throws Exception {
        try (ChannelConnection connection = channels.getConnection()) {
            assertThrows(jakarta.resource.ResourceException.class, () -> connection.deliverProbe(" "));
        }
    }

    @Test
    void aSignedWebhookReachesTheEndpointInATransactionAndIsAnsweredAfterIt() throws Exception {
        String wamid = "wamid." + UUID.randomUUID();
        assertEquals(200, postWebhook(wamid, true).statusCode());
        assertEquals(Boolean.TRUE, RecordingReceiver.RECEIVED_IN_TRANSACTION.get(wamid));
    }

    @Test
    void aWebhookTheEndpointRefusesIsAnswered500SoTheChannelRetries() throws Exception {
        String wamid = RecordingReceiver.REFUSE + UUID.randomUUID();
        assertEquals(500, postWebhook(wamid, true).statusCode());
        assertTrue(RecordingReceiver.RECEIVED_IN_TRANSACTION.containsKey(wamid), "it was tried");
    }

    @Test
    void aWebhookWithAForgedSignatureIsRefusedAndNotDelivered() throws Exception {
        String wamid = "wamid." + UUID.randomUUID();
        assertEquals(401, postWebhook(wamid, false).statusCode());
        assertTrue(!RecordingReceiver.RECEIVED_IN_TRANSACTION.containsKey(wamid));
    }

    private HttpResponse<String> postWebhook(String wamid, boolean signedRight) throws Exception {
        int port;
        try (ChannelConnection connection = channels.getConnection()) {
            connection.register(new ChannelAccountRegistration("whatsapp", "micro-wa", "PNID-1", "verify",
                    "micro-secret", "token", 80, false, "http://127.0.0.1:9/graph"));
            port = connection.status().webhookPort();
        }
        byte[] body = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{"
                + "\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{"
                + "\"display_phone_number\":\"1555\",\"phone_number_id\":\"PNID-1\"},\"messages\":[{"
                + "\"from\":\"393330000001\",\"id\":\"" + wamid + "\",\"timestamp\":\"1750000000\","
                + "\"type\":\"text\",\"text\":{\"body\":\"hi\"}}]}}]}]}").getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec((signedRight ? "micro-secret" : "guessed").getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/webhooks/whatsapp/micro-wa"))
                .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
