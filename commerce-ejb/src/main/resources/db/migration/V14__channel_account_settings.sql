-- A channel account's own send rate, when it is not the channel's default: a WhatsApp number Meta upgraded to 1,000
-- messages/s, or one shared with the WhatsApp Business app (20/s). 0 = the channel's default.
alter table channel_account add column messages_per_second integer default 0 not null;
-- The channel API this account talks to, when not the installation's parla.channel.* setting (a simulator, an
-- emulator in a test). Null = the installation's.
alter table channel_account add column api_url varchar(500);
