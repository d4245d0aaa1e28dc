package com.parla.catalog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One orderable size/color of a product, with its own SKU (unique in the store) and stock. */
@Entity
@Table(name = "product_variant")
@NamedQuery(name = ProductVariant.BY_SKU,
        query = "select v from ProductVariant v where v.storeId = :storeId and v.sku = :sku")
public class ProductVariant {

    public static final String BY_SKU = "ProductVariant.bySku";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id")
    private Product product;

    // denormalized so that a variant SKU is unique per store in the schema
    @Column(name = "store_id", nullable = false)
    private long storeId;

    @Column(nullable = false, length = 64)
    private String sku;

    @Column(name = "size_label", nullable = false, length = 16)
    private String sizeLabel;

    @Column(length = 32)
    private String color;

    @Column(nullable = false)
    private int stock;

    protected ProductVariant() {
    }

    ProductVariant(Product product, String sku) {
        this.product = product;
        this.storeId = product.getStoreId();
        this.sku = sku;
    }

    void update(String sizeLabel, String color, int stock) {
        this.sizeLabel = sizeLabel;
        this.color = color;
        setStock(stock);
    }

    public void setStock(int stock) {
        if (stock < 0) {
            throw new IllegalArgumentException("Stock cannot be negative: " + stock);
        }
        this.stock = stock;
    }

    public Long getId() {
        return id;
    }

    public Product getProduct() {
        return product;
    }

    public String getSku() {
        return sku;
    }

    public String getSizeLabel() {
        return sizeLabel;
    }

    public String getColor() {
        return color;
    }

    public int getStock() {
        return stock;
    }
}
