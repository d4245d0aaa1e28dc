package com.parla.api.catalog;

import com.parla.catalog.entity.Product;
import java.math.BigDecimal;
import java.util.List;

/** A product as the API shows it. */
public record ProductView(String sku, String name, String description, String category, BigDecimal price,
                          String currency, String imagePath, boolean active, List<VariantView> variants) {

    public record VariantView(String sku, String size, String color, int stock) {
    }

    static ProductView of(Product p) {
        return new ProductView(p.getSku(), p.getName(), p.getDescription(), p.getCategory(), p.getPrice(),
                p.getCurrency(), p.getImagePath(), p.isActive(), p.getVariants().stream()
                .map(v -> new VariantView(v.getSku(), v.getSizeLabel(), v.getColor(), v.getStock()))
                .toList());
    }
}
