'use strict'

// server.js as a process: its one stdout line, its lifetime, and that everything but the transactions is
// dynalite's own behaviour.

const { describe, it, before, after } = require('node:test')
const assert = require('node:assert/strict')
const zlib = require('zlib')
const { startServer, errorName, uniqueName } = require('./helpers')

function exited (child) {
  return new Promise((resolve) => {
    if (child.exitCode != null || child.signalCode != null) return resolve()
    child.once('exit', () => resolve())
  })
}

function within (promise, ms, what) {
  return Promise.race([ promise, new Promise((resolve, reject) => setTimeout(() => reject(new Error(what)), ms)) ])
}

describe('server.js', () => {
  let server
  before(async () => { server = await startServer() })
  after(async () => { await server.stop() })

  it('serves the operations dynalite has, unchanged', async () => {
    const table = uniqueName('plain')
    await server.createSimpleTable(table)
    await server.ok('PutItem', { TableName: table, Item: { pk: { S: 'a' }, n: { N: '1' } } })
    assert.deepEqual(await server.getItem(table, 'a'), { pk: { S: 'a' }, n: { N: '1' } })
    const { TableNames } = await server.ok('ListTables', {})
    assert.ok(TableNames.includes(table))

    const invalid = await server.call('PutItem', { TableName: table, Item: { nokey: { S: 'x' } } })
    assert.equal(invalid.status, 400)
    assert.equal(errorName(invalid.body), 'ValidationException')

    const unknown = await server.call('ExecuteStatement', { Statement: 'SELECT * FROM x' })
    assert.equal(errorName(unknown.body), 'UnknownOperationException')
  })

  it('answers transactions with the headers the AWS SDKs check', async () => {
    const result = await server.call('TransactGetItems', { TransactItems: [] })
    assert.equal(result.status, 400)
    assert.match(result.headers.get('x-amzn-requestid'), /^[A-Z0-9]{52}$/)
    const body = Buffer.from(JSON.stringify(result.body))
    assert.equal(Number(result.headers.get('x-amz-crc32')), zlib.crc32(body))
    assert.equal(result.headers.get('content-type'), 'application/x-amz-json-1.0')
  })

  it('rejects a transaction without a signature, as dynalite does any other request', async () => {
    const response = await fetch('http://127.0.0.1:' + server.port + '/', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': 'DynamoDB_20120810.TransactWriteItems' },
      body: '{}',
    })
    assert.equal(response.status, 400)
    assert.equal(errorName(await response.json()), 'MissingAuthenticationTokenException')
  })

  it('rejects a body that is not JSON with SerializationException', async () => {
    const result = await server.call('TransactWriteItems', '{not json')
    assert.equal(errorName(result.body), 'SerializationException')
  })
})

describe('server.js lifetime', () => {
  it('prints only "listening <port>" on stdout', async () => {
    const server = await startServer()
    let rest = ''
    server.child.stdout.on('data', (chunk) => { rest += chunk })
    await server.ok('ListTables', {})
    await server.stop()
    assert.equal(rest, '')
  })

  it('exits when its standard input closes', async () => {
    const server = await startServer()
    server.child.stdin.end()
    await within(exited(server.child), 5000, 'still running after stdin closed')
  })

  it('exits on SIGTERM', async () => {
    const server = await startServer()
    server.child.kill('SIGTERM')
    await within(exited(server.child), 5000, 'still running after SIGTERM')
  })

  it('listens on the port it is given', async () => {
    const probe = await startServer()
    const port = probe.port
    await probe.stop()
    const server = await startServer([ '--port', String(port) ])
    try {
      assert.equal(server.port, port)
    }
    finally {
      await server.stop()
    }
  })
})
