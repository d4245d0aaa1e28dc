package com.parla.catalog.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** A product as a feed or the console states it: created if its SKU is new in the store, updated otherwise. */
public record ProductUpsert(
        @NotBlank @Size(max = 64) String store,
        @NotBlank @Size(max = 64) @Pattern(regexp = CatalogLimits.SKU) String sku,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        @NotBlank @Size(max = 64) String category,
        @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal price,
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
        @Size(max = 500) String imagePath,
        @NotNull @Size(max = 200) List<@NotNull @Valid VariantUpsert> variants) {

    /** One size/color of the product. */
    public record VariantUpsert(
            @NotBlank @Size(max = 64) @Pattern(regexp = CatalogLimits.SKU) String sku,
            @NotBlank @Size(max = 16) String size,
            @Size(max = 32) String color,
            @NotNull @PositiveOrZero Integer stock) {
    }
}
