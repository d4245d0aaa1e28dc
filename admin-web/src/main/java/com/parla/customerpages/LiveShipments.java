package com.parla.customerpages;

import com.parla.delivery.boundary.ShipmentView;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.AsyncContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open live pages (tracking, the courier's view) as server-sent event streams: every second each page's shipment
 * is read, and a page whose shipment changed (its revision) gets the new state. Reading the database, not an event in
 * memory, is what keeps a page live whichever server applied the change.
 */
@ApplicationScoped
public class LiveShipments {

    private static final Logger LOG = Logger.getLogger(LiveShipments.class.getName());
    private static final long HEARTBEAT_MS = 15_000;
    /** Open pages a server keeps at most, and per shipment: beyond them a page is refused, not the server worn out. */
    static final int MAX_STREAMS = 2000;
    static final int MAX_PER_SHIPMENT = 20;

    /** One open page: its stream, how it finds its shipment and writes it, and the revision it has. */
    private static final class Stream {
        final AsyncContext context;
        final String key;
        final Function<String, Optional<ShipmentView>> find;
        final Function<ShipmentView, String> json;
        final String token;
        int revision = -1;
        long lastWrite = System.currentTimeMillis();

        Stream(AsyncContext context, String key, Function<String, Optional<ShipmentView>> find,
               Function<ShipmentView, String> json, String token) {
            this.context = context;
            this.key = key;
            this.find = find;
            this.json = json;
            this.token = token;
        }
    }

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> ticking;

    @PostConstruct
    void start() {
        ticking = scheduler.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        ticking.cancel(false);
        streams.forEach(s -> s.context.complete());
        streams.clear();
    }

    /** Whether another page of that shipment may open now. */
    boolean hasRoomFor(String token) {
        return streams.size() < MAX_STREAMS
                && streams.stream().filter(s -> s.token.equals(token)).count() < MAX_PER_SHIPMENT;
    }

    /** @param key the page kind ("track", "courier"): tokens of two kinds never share a read */
    void open(AsyncContext context, String key, String token, Function<String, Optional<ShipmentView>> find,
              Function<ShipmentView, String> json) {
        Stream stream = new Stream(context, key, find, json, token);
        streams.add(stream);
        find.apply(token).ifPresent(view -> send(stream, view));
    }

    int open() {
        return streams.size();
    }

    private void tick() {
        try {
            Map<String, Optional<ShipmentView>> read = new HashMap<>();
            long now = System.currentTimeMillis();
            for (Stream stream : streams) {
                Optional<ShipmentView> view = read.computeIfAbsent(stream.key + "/" + stream.token,
                        k -> stream.find.apply(stream.token));
                if (view.isPresent() && view.get().revision() != stream.revision) {
                    send(stream, view.get());
                } else if (now - stream.lastWrite > HEARTBEAT_MS) {
                    write(stream, ": still here\n\n");
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Live pages' tick failed; the next one retries", e);
        }
    }

    private void send(Stream stream, ShipmentView view) {
        stream.revision = view.revision();
        write(stream, "event: shipment\ndata: " + stream.json.apply(view) + "\n\n");
    }

    private void write(Stream stream, String event) {
        try {
            PrintWriter out = stream.context.getResponse().getWriter();
            out.write(event);
            out.flush();
            if (out.checkError()) {
                throw new IOException("the page went away");
            }
            stream.lastWrite = System.currentTimeMillis();
        } catch (IOException | IllegalStateException e) {
            close(stream);
        }
    }

    void close(AsyncContext context) {
        streams.stream().filter(s -> s.context == context).toList().forEach(this::close);
    }

    private void close(Stream stream) {
        if (streams.remove(stream)) {
            try {
                stream.context.complete();
            } catch (IllegalStateException e) {
                LOG.fine("stream already completed");
            }
        }
    }
}
