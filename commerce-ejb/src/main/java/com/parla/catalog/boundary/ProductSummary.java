package com.parla.catalog.boundary;

import com.parla.catalog.entity.Product;
import com.parla.catalog.entity.ProductVariant;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A product as the chat shows it: its card and its sizes with stock. */
public record ProductSummary(long id, String sku, String name, String description, String category, BigDecimal price,
                             String currency, String imagePath, List<Size> sizes) implements Serializable {

    /** A variant: what the customer picks. */
    public record Size(long variantId, String sku, String label, int stock) implements Serializable {
        public boolean inStock() {
            return stock > 0;
        }
    }

    static ProductSummary of(Product p) {
        return new ProductSummary(p.getId(), p.getSku(), p.getName(), p.getDescription(), p.getCategory(),
                p.getPrice(), p.getCurrency(), p.getImagePath(),
                p.getVariants().stream().map(ProductSummary::size).toList());
    }

    private static Size size(ProductVariant v) {
        return new Size(v.getId(), v.getSku(), v.getSizeLabel(), v.getStock());
    }

    /** The size of that label ("38", "m", "One"), whatever its case. */
    public Optional<Size> size(String label) {
        return label == null ? Optional.empty() : sizes.stream()
                .filter(s -> s.label().toLowerCase(Locale.ROOT).equals(label.strip().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    public Optional<Size> variant(long variantId) {
        return sizes.stream().filter(s -> s.variantId() == variantId).findFirst();
    }

    public List<Size> sizesInStock() {
        return sizes.stream().filter(Size::inStock).toList();
    }

    /** One size only (bags, most accessories): nothing to choose. */
    public boolean oneSize() {
        return sizes.size() == 1;
    }
}
