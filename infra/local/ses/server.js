#!/usr/bin/env node
'use strict'

// Starts aws-ses-v2-local, a local Amazon SES API that keeps every email it accepts in memory.
//
//   node server.js [--port N] [--host H] [--ignore-stdin]
//
// --port 0 (the default) listens on any free port; --host defaults to 127.0.0.1. Once listening, prints exactly
// one line to stdout, "listening <port>", and nothing else there. It exits on SIGTERM or SIGINT, and when its
// standard input closes, so that a parent process that dies (a test JVM, a test runner) never leaves it behind;
// pass --ignore-stdin to run it detached with no standard input.
//
// aws-ses-v2-local's own command line (npx aws-ses-v2-local --port 8005) serves the same API, but prints a URL
// rather than the port it picked and outlives its parent; this wrapper adds only those two things.

const startSes = require('aws-ses-v2-local').default

const USAGE = 'Usage: node server.js [--port N] [--host H] [--ignore-stdin]'

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
    else if (name === 'port') {
      if (!/^\d+$/.test(value) || Number(value) > 65535) throw new Error('--port needs a port number, got ' + value)
      options.port = Number(value)
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

  const stop = () => process.exit(0)
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
  if (!options.ignoreStdin) {
    process.stdin.on('end', stop)
    process.stdin.on('close', stop)
    process.stdin.on('error', stop)
    process.stdin.resume()
  }
  const fail = (err) => {
    console.error('Cannot run aws-ses-v2-local on ' + options.host + ':' + options.port + ': ' + err.message)
    process.exit(1)
  }
  process.on('uncaughtException', fail)

  // aws-ses-v2-local resolves with its HTTP server even when listening failed (Express 5 hands the error to the
  // listen callback, which it ignores), so a server that is not listening means the address could not be taken.
  startSes({ host: options.host, port: options.port }).then((server) => {
    if (!server.listening) return fail(new Error('the address is in use or not available'))
    process.stdout.write('listening ' + server.address().port + '\n')
  }, fail)
}

main()
