-- One spelling of a channel in every table: its wire name (whatsapp, telegram, ...), as conversations already have.
update channel_account set channel = lower(channel);

-- outbox: a send in flight is marked before the channel is called, so that after a crash a message that may
-- already have gone is known as such when it is sent again
alter table outbox_message add column attempt_started_at timestamp with time zone;
alter table outbox_message add column resent_after_interruption boolean default false not null;

-- the dispatch claim names the server that holds it, so that a server coming back after a crash frees its own
-- claims at once instead of waiting for them to run out
alter table conversation add column dispatch_claimed_by varchar(64);
