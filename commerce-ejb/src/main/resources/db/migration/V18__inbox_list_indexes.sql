-- The inbox's list with 100,000 conversations (./parla bench inbox, docs/benchmarks/inbox.md): a page of the
-- latest conversations, or of the longest waiting, is read along an index in that order and stops at the page's
-- end, instead of sorting every conversation of the stores (2-3 s a page while customers write).
drop index ix_conversation_inbox;
create index ix_conversation_latest on conversation (last_inbound_at desc, id desc);
create index ix_conversation_longest on conversation (last_inbound_at, id);
