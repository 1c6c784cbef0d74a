#!/usr/bin/env node
'use strict';

// cognito-local with the additions of lib/additions.js, for MilkRun's Cognito tests.
//
//   node server.js [--port N] [--host H] [--ignore-stdin]
//
// Keeps its data in .cognito/ under the working directory. Prints "listening <port>" on stdout once it serves,
// then one JSON line per code it would have sent ({"delivery":{...}}); its log goes to stderr. Exits when its
// stdin closes (unless --ignore-stdin), or on SIGTERM / SIGINT.

const net = require('node:net');

function parseArgs(argv) {
  const options = { port: 0, host: '127.0.0.1', ignoreStdin: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port') {
      options.port = Number.parseInt(argv[++i], 10);
    } else if (arg === '--host') {
      options.host = argv[++i];
    } else if (arg === '--ignore-stdin') {
      options.ignoreStdin = true;
    } else {
      throw new Error(`unknown argument ${arg}`);
    }
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new Error('--port needs a number from 0 to 65535');
  }
  return options;
}

// cognito-local reads its port when it is loaded and puts it in every token's issuer, so port 0 cannot be handed
// to it: a free port is chosen here first.
function freePort(host) {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const port = options.port === 0 ? await freePort(options.host) : options.port;
  process.env.PORT = String(port);
  process.env.HOST = options.host;

  const pino = require('pino');
  const logger = pino({ level: process.env.DEBUG ? 'debug' : 'info' }, pino.destination(2));
  require('./lib/additions').install();
  const { createDefaultServer } = require('cognito-local/lib/server/defaults');

  const server = await (await createDefaultServer(logger)).start();
  process.stdout.write(`listening ${server.address().port}\n`);

  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  if (!options.ignoreStdin) {
    process.stdin.on('end', stop);
    process.stdin.on('error', stop);
    process.stdin.resume();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
