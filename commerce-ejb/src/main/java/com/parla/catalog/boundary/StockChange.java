package com.parla.catalog.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The stock on hand of one variant, as the warehouse or ERP reports it (absolute, so replays are harmless). */
public record StockChange(
        @NotBlank @Size(max = 64) String store,
        @NotBlank @Size(max = 64) @Pattern(regexp = CatalogLimits.SKU) String sku,
        @NotNull @PositiveOrZero Integer stock) {
}
