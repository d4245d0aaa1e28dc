-- Found by the shopping benchmark with a year of history (100,000 orders, 1,000,000 messages): H2 answered "the
-- conversation's next reply to send" through ix_outbox_conversation and filtered each earlier reply by status
-- (7,546 rows for the busiest customer). An index that leads with what is asked.
create index ix_outbox_conversation_pending on outbox_message (conversation_id, status, id);
