package com.parla.catalog.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedAttributeNode;
import jakarta.persistence.NamedEntityGraph;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

/** A product of one store; sizes and stock live in its variants. */
@Entity
@Indexed(index = "product")
@NamedEntityGraph(name = Product.WITH_VARIANTS, attributeNodes = @NamedAttributeNode("variants"))
@NamedQuery(name = Product.BY_SKU,
        query = "select p from Product p where p.storeId = :storeId and p.sku = :sku")
@NamedQuery(name = Product.OF_STORE,
        query = "select p from Product p where p.storeId = :storeId order by p.category, p.name")
public class Product {

    public static final String BY_SKU = "Product.bySku";
    public static final String OF_STORE = "Product.ofStore";
    public static final String WITH_VARIANTS = "Product.withVariants";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The store component's id of the store: the catalog keeps no reference into another component's entities. */
    @Column(name = "store_id", nullable = false)
    @GenericField
    private long storeId;

    @Column(nullable = false, length = 64)
    private String sku;

    // each text twice, analysed as English and as Italian: a search reads the field of the store's language
    @Column(nullable = false, length = 200)
    @FullTextField(name = "name_en", analyzer = "en", searchAnalyzer = "en_query")
    @FullTextField(name = "name_it", analyzer = "it", searchAnalyzer = "it_query")
    private String name;

    @Column(nullable = false, length = 2000)
    @FullTextField(name = "description_en", analyzer = "en", searchAnalyzer = "en_query")
    @FullTextField(name = "description_it", analyzer = "it", searchAnalyzer = "it_query")
    private String description;

    @Column(nullable = false, length = 64)
    @FullTextField(name = "category_en", analyzer = "en", searchAnalyzer = "en_query")
    @FullTextField(name = "category_it", analyzer = "it", searchAnalyzer = "it_query")
    @KeywordField(name = "category")
    private String category;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal price;

    @Column(nullable = false, length = 3)
    private String currency;

    /** Path of the product image under the public customer pages, or an absolute URL. */
    @Column(name = "image_path", length = 500)
    private String imagePath;

    @Column(nullable = false)
    @GenericField
    private boolean active;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @OneToMany(mappedBy = "product", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<ProductVariant> variants = new ArrayList<>();

    protected Product() {
    }

    public Product(long storeId, String sku) {
        this.storeId = storeId;
        this.sku = sku;
        this.active = true;
    }

    public void describe(String name, String description, String category, BigDecimal price, String currency,
                         String imagePath) {
        this.name = name;
        this.description = description;
        this.category = category;
        this.price = price;
        this.currency = currency;
        this.imagePath = imagePath;
        this.active = true;
        this.updatedAt = Instant.now();
    }

    /** Adds the variant, or updates size, color and stock of the one with the same SKU. */
    public ProductVariant putVariant(String variantSku, String sizeLabel, String color, int stock) {
        ProductVariant variant = variant(variantSku).orElseGet(() -> {
            ProductVariant created = new ProductVariant(this, variantSku);
            variants.add(created);
            return created;
        });
        variant.update(sizeLabel, color, stock);
        updatedAt = Instant.now();
        return variant;
    }

    public Optional<ProductVariant> variant(String variantSku) {
        return variants.stream().filter(v -> v.getSku().equals(variantSku)).findFirst();
    }

    public void deactivate() {
        active = false;
        updatedAt = Instant.now();
    }

    public int totalStock() {
        return variants.stream().mapToInt(ProductVariant::getStock).sum();
    }

    public Long getId() {
        return id;
    }

    public long getStoreId() {
        return storeId;
    }

    public String getSku() {
        return sku;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getCategory() {
        return category;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public String getCurrency() {
        return currency;
    }

    public String getImagePath() {
        return imagePath;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public List<ProductVariant> getVariants() {
        return Collections.unmodifiableList(variants);
    }
}
