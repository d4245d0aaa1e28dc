package com.parla.catalog.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A product taken off sale; it is deactivated, not deleted, since orders refer to it. */
public record ProductRemoval(@NotBlank @Size(max = 64) String store, @NotBlank @Size(max = 64) String sku) {
}
