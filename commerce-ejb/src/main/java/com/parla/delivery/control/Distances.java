package com.parla.delivery.control;

/** How far apart two points on Earth are, and whether a pair of numbers is a place at all. */
public final class Distances {

    private static final double EARTH_RADIUS_KM = 6371.0;

    private Distances() {
    }

    /** Great-circle distance (haversine), in kilometres. */
    public static double kilometres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Latitude and longitude in range, and not 0/0 (what a device sends when it has no fix). */
    public static boolean isPlace(double latitude, double longitude) {
        return Double.isFinite(latitude) && Double.isFinite(longitude) && Math.abs(latitude) <= 90
                && Math.abs(longitude) <= 180 && !(latitude == 0 && longitude == 0);
    }
}
