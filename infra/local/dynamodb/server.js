#!/usr/bin/env node
'use strict'

// Starts an in-memory DynamoDB emulator: dynalite plus TransactWriteItems and TransactGetItems.
//
//   node server.js [--port N] [--host H] [--createTableMs MS] [--deleteTableMs MS] [--updateTableMs MS]
//                  [--maxItemSizeKb KB] [--idempotencyWindowMs MS] [--ignore-stdin]
//
// --port 0 (the default) listens on any free port. Once listening, prints exactly one line to stdout,
// "listening <port>", and nothing else there. It exits on SIGTERM or SIGINT, and when its standard input
// closes, so that a parent process that dies (a test JVM, a test runner) never leaves it behind; pass
// --ignore-stdin to run it detached with no standard input.

const { createServer } = require('./lib/app')

const NUMERIC_OPTIONS = [ 'port', 'createTableMs', 'deleteTableMs', 'updateTableMs', 'maxItemSizeKb', 'idempotencyWindowMs' ]
const USAGE = 'Usage: node server.js [--port N] [--host H] [--createTableMs MS] [--deleteTableMs MS] ' +
  '[--updateTableMs MS] [--maxItemSizeKb KB] [--idempotencyWindowMs MS] [--ignore-stdin]'

function parseArguments (args) {
  const options = { port: 0, host: '127.0.0.1', ignoreStdin: false }
  for (let i = 0; i < args.length; i++) {
    const match = /^--([^=]+)(?:=(.*))?$/.exec(args[i])
    if (!match) throw new Error('Unexpected argument: ' + args[i])
    const name = match[1]
    if (name === 'help') return null
    if (name === 'ignore-stdin') {
      options.ignoreStdin = true
      continue
    }
    const value = match[2] != null ? match[2] : args[++i]
    if (value == null) throw new Error('Missing value for --' + name)
    if (name === 'host') options.host = value
    else if (NUMERIC_OPTIONS.includes(name)) {
      if (!/^\d+$/.test(value)) throw new Error('--' + name + ' needs a whole number, got ' + value)
      options[name] = Number(value)
    }
    else throw new Error('Unknown option: --' + name)
  }
  return options
}

function main () {
  let options
  try {
    options = parseArguments(process.argv.slice(2))
  }
  catch (err) {
    console.error(err.message + '\n' + USAGE)
    process.exit(2)
  }
  if (!options) {
    console.error(USAGE)
    return
  }

  const server = createServer(options)
  const stop = () => process.exit(0)
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
  if (!options.ignoreStdin) {
    process.stdin.on('end', stop)
    process.stdin.on('close', stop)
    process.stdin.on('error', stop)
    process.stdin.resume()
  }

  server.on('error', (err) => {
    console.error('Cannot listen on ' + options.host + ':' + options.port + ': ' + err.message)
    process.exit(1)
  })
  server.listen(options.port, options.host, () => {
    process.stdout.write('listening ' + server.address().port + '\n')
  })
}

main()
