// Starts the telegram-test-api Bot API emulator (https://github.com/jehy/telegram-test-api) for TelegramEmulatorIT.
// Usage: NODE_PATH=<dir with node_modules/telegram-test-api> node telegram-emulator.js <port>
// Prints "READY <port>" once listening; stops when stdin closes (the JVM ended) or on SIGTERM.
'use strict';
const api = require('telegram-test-api');
const TelegramServer = api.TelegramServer || api.default || api;

const port = Number(process.argv[2] || 9000);
const server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 60 });

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
process.stdin.on('end', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
