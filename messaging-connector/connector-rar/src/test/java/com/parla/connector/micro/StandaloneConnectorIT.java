package com.parla.connector.micro;

import com.parla.connector.api.Channel;
import com.parla.connector.api.AdapterStatus;
import com.parla.connector.api.ChannelConnection;
import com.parla.connector.api.ChannelAdministration;
import com.parla.connector.api.ChannelConnectionFactory;
import jakarta.annotation.Resource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import com.parla.connector.api.ChannelAccountRegistration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connector on its own: the RAR deployed standalone on Payara Micro, used by a plain WAR (no EAR, none of
 * Parla's business code), to show it is a reusable JCA resource adapter.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneConnectorIT {

    @Deployment
    static WebArchive war() {
        return ShrinkWrap.create(WebArchive.class, "connector-component.war")
                .addClasses(RecordingReceiver.class, MicroChannelResources.class);
    }

    private static final ChannelAccountRegistration ACCOUNT = new ChannelAccountRegistration(Channel.WHATSAPP,
            "micro-wa", "PNID-1", "verify", "micro-secret", "token", 80, false, "http://127.0.0.1:9/graph");

    @Resource(lookup = "java:app/eis/channels")
    ChannelConnectionFactory channels;

    @Resource(lookup = "java:app/eis/channel-administration")
    ChannelAdministration administration;

    @Test
    @Order(1)
    void theAdapterIsReadyOnlyOnceTheApplicationHasHandedOverItsAccounts() throws Exception {
        AdapterStatus starting = administration.status();
        assertTrue(starting.started());
        assertEquals(1, starting.activeEndpoints());
        assertFalse(starting.ready(), "no accounts yet");
        assertEquals("the application has not registered its channel accounts yet", starting.notReadyBecause());
        assertEquals(503, postWebhook("wamid." + UUID.randomUUID(), true, false).statusCode(),
                "a webhook before the accounts are loaded is retried later, not refused");

        administration.registerAll(List.of(ACCOUNT));
        AdapterStatus ready = administration.status();
        assertTrue(ready.ready(), ready::toString);
        assertEquals(1, ready.accounts());
    }

    @Test
    void theSendingHandleIsNotTheAdministration() throws Exception {
        try (ChannelConnection connection = channels.getConnection()) {
            assertFalse(connection instanceof ChannelAdministration, "code that sends cannot reconfigure");
        }
        assertThrows(jakarta.resource.ResourceException.class, () -> administration.registerAll(List.of(ACCOUNT,
                ACCOUNT)), "two accounts with one key");
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
        return postWebhook(wamid, signedRight, true);
    }

    private HttpResponse<String> postWebhook(String wamid, boolean signedRight, boolean loadAccounts)
            throws Exception {
        if (loadAccounts) {
            administration.registerAll(List.of(ACCOUNT));
        }
        int port = administration.status().webhookPort();
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
