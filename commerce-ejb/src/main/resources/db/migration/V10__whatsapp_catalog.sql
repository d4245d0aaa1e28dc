-- The store's Meta commerce catalog (linked to its WhatsApp Business account): search results go out as WhatsApp
-- multi-product messages of it, and a cart sent from it becomes the customer's cart. Null: no catalog.
alter table store add column whatsapp_catalog_id varchar(64);
