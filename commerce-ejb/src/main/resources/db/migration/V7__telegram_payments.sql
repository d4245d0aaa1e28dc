-- Telegram card invoices: the bot's payment provider token from @BotFather (null: payment links instead)
ALTER TABLE channel_account ADD COLUMN payment_token VARCHAR(256);
