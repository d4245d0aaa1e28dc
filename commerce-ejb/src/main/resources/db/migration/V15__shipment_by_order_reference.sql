-- The carrier's feed finds a shipment by its order's reference: without an index each update read every shipment
-- (the shipments benchmark: 72% of the server's CPU at 60,000 shipments).
create index ix_shipment_order_reference on shipment (order_reference);
