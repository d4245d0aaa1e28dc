package com.parla.api.delivery;

import com.parla.api.security.ApiCaller;
import com.parla.api.security.Authenticated;
import com.parla.delivery.boundary.Deliveries;
import com.parla.delivery.boundary.ShipmentRefusedException;
import com.parla.delivery.boundary.SlotView;
import com.parla.store.boundary.StoreDirectory;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A store's delivery calendar: the windows its carrier delivers in, with capacity and bookings. */
@Path("stores/{store}/delivery-slots")
@Authenticated
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deliveries", description = "Delivery windows and shipments")
public class DeliverySlotsResource {

    static final int MAX_WINDOWS = 500;

    @EJB
    StoreDirectory stores;

    @EJB
    Deliveries deliveries;

    @Context
    ContainerRequestContext request;

    /** Windows to set: the carrier (the store's default when left out) and the windows. */
    public record Windows(String carrier, List<Window> slots) {
    }

    /** @param day ISO date; @param from "09:00"; @param to "13:00" (the store's time zone) */
    public record Window(String day, String from, String to, Integer capacity) {
    }

    @GET
    @Operation(summary = "The delivery windows from a day on (default tomorrow), with capacity and bookings")
    public List<SlotView> slots(@PathParam("store") String slug, @QueryParam("from") String from,
                                @QueryParam("days") Integer days, @QueryParam("carrier") String carrier) {
        long store = ApiCaller.of(request).store(stores, slug).id();
        return deliveries.calendar(store, carrier, from == null ? LocalDate.now().plusDays(1) : day(from),
                days == null ? 14 : days);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sets delivery windows: each replaces the window of its day and start; bookings stay")
    public List<SlotView> setSlots(@PathParam("store") String slug, Windows windows) {
        long store = ApiCaller.of(request).managedStore(stores, slug).id();
        if (windows == null || windows.slots() == null || windows.slots().isEmpty()
                || windows.slots().size() > MAX_WINDOWS) {
            throw new BadRequestException("slots must hold 1 to " + MAX_WINDOWS + " windows");
        }
        List<Deliveries.SlotSpec> specs = windows.slots().stream().map(DeliverySlotsResource::spec).toList();
        try {
            deliveries.setStoreSlots(store, windows.carrier(), specs);
        } catch (ShipmentRefusedException refused) {
            throw new BadRequestException(refused.getMessage());
        }
        LocalDate first = specs.stream().map(Deliveries.SlotSpec::day).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = specs.stream().map(Deliveries.SlotSpec::day).max(LocalDate::compareTo).orElseThrow();
        return deliveries.calendar(store, windows.carrier(), first, (int) (last.toEpochDay() - first.toEpochDay()) + 1);
    }

    private static Deliveries.SlotSpec spec(Window w) {
        if (w == null || w.day() == null || w.from() == null || w.to() == null || w.capacity() == null) {
            throw new BadRequestException("each window needs day, from, to and capacity");
        }
        try {
            return new Deliveries.SlotSpec(LocalDate.parse(w.day()), LocalTime.parse(w.from()),
                    LocalTime.parse(w.to()), w.capacity());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("not an ISO day or time: " + e.getParsedString());
        }
    }

    private static LocalDate day(String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("from is not an ISO day: " + s);
        }
    }
}
