// Starts the telegram-test-api Bot API emulator (https://github.com/jehy/telegram-test-api) for the tests that talk to
// it (TelegramEmulatorIT, and the Telegram story of the system tests).
// Usage: NODE_PATH=<dir with node_modules/telegram-test-api> node telegram-emulator.js <port>
// Prints "READY <port>" once listening; stops when stdin closes (the JVM ended) or on SIGTERM.
'use strict';
const api = require('telegram-test-api');
const axios = require('axios');
const TelegramServer = api.TelegramServer || api.default || api;

const port = Number(process.argv[2] || 9000);
const server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 60 });

// Telegram sends a webhook's secret_token back in X-Telegram-Bot-Api-Secret-Token with every update; the emulator
// keeps the setWebhook body but posts updates without it. Add it, as Telegram does.
const secrets = new Map();
const setWebhook = server.setWebhook.bind(server);
server.setWebhook = (webhook, botToken) => {
  if (webhook.secret_token) {
    secrets.set(webhook.url, webhook.secret_token);
  }
  setWebhook(webhook, botToken);
};
axios.interceptors.request.use((config) => {
  const secret = secrets.get(config.url);
  if (secret) {
    config.headers['X-Telegram-Bot-Api-Secret-Token'] = secret;
  }
  return config;
});

async function stop() {
  try {
    await server.stop();
  } finally {
    process.exit(0);
  }
}

server.start().then(() => {
  process.stdout.write(`READY ${port}\n`);
}).catch((e) => {
  process.stderr.write(`FAILED ${e && e.stack}\n`);
  process.exit(1);
});
// an update the bot's webhook refused is logged, and the emulator goes on (node would otherwise exit on it)
process.on('unhandledRejection', (e) => process.stderr.write(`webhook refused an update: ${e && e.message}\n`));
process.stdin.on('end', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
