-- One conversation's messages, newest first, from an index on (conversation, id), not by a walk back along the
-- primary key through other conversations' messages.
create index ix_received_conversation_id on received_message (conversation_id, id);
