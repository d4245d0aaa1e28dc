package com.parla.order.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** What was bought, as it was when bought: name, size and price are copied, not looked up later. */
@Entity
@Table(name = "order_line")
public class OrderLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    private CustomerOrder order;

    @Column(name = "variant_id", nullable = false)
    private long variantId;

    @Column(name = "product_name", nullable = false, length = 200)
    private String productName;

    @Column(name = "size_label", nullable = false, length = 16)
    private String sizeLabel;

    @Column(name = "unit_price", nullable = false, precision = 12, scale = 2)
    private BigDecimal unitPrice;

    @Column(nullable = false)
    private int quantity;

    protected OrderLine() {
    }

    OrderLine(CustomerOrder order, long variantId, String productName, String sizeLabel, BigDecimal unitPrice,
              int quantity) {
        this.order = order;
        this.variantId = variantId;
        this.productName = productName;
        this.sizeLabel = sizeLabel;
        this.unitPrice = unitPrice;
        this.quantity = quantity;
    }

    public BigDecimal total() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    public long getVariantId() {
        return variantId;
    }

    public String getProductName() {
        return productName;
    }

    public String getSizeLabel() {
        return sizeLabel;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public int getQuantity() {
        return quantity;
    }
}
