package com.parla.connector.inbound.webhook;

import com.parla.connector.inbound.ShortWork;
import com.sun.net.httpserver.HttpServer;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Logger;

/**
 * The connector's public HTTP listener for channel webhooks, on its own port (8090 by default), apart from the
 * console. The JDK server only accepts connections; every exchange runs on the container's WorkManager, where the
 * message endpoints can be called inside container transactions.
 */
public final class WebhookListener {

    public static final String CONTEXT = "/webhooks/";
    private static final Logger LOG = Logger.getLogger(WebhookListener.class.getName());
    private static final int BACKLOG = 1024;

    private final HttpServer server;

    private WebhookListener(HttpServer server) {
        this.server = server;
    }

    public static WebhookListener start(String host, int port, WorkManager workManager, WebhookHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), BACKLOG);
            server.createContext(CONTEXT, handler);
            server.setExecutor(onWorkManager(workManager));
            server.start();
            LOG.info(() -> "Webhook listener on http://" + host + ":" + server.getAddress().getPort() + CONTEXT
                    + "{channel}/{accountKey}");
            return new WebhookListener(server);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen for webhooks on " + host + ":" + port, e);
        }
    }

    private static Executor onWorkManager(WorkManager workManager) {
        return task -> {
            try {
                workManager.scheduleWork(new ShortWork(task));
            } catch (WorkException e) {
                // the JDK server closes the connection; the channel retries the webhook later
                throw new RejectedExecutionException("WorkManager refused a webhook exchange", e);
            }
        };
    }

    /** The bound port (differs from the configured one when that was 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    public void stop() {
        // let exchanges in flight finish for up to a second
        server.stop(1);
    }
}
