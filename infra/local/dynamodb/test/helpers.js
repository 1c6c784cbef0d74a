'use strict'

// Starts server.js as a child process on a free port and talks to it over HTTP the way the AWS SDKs do
// (JSON 1.0, X-Amz-Target, a SigV4-shaped Authorization header; the emulator does not check signatures).

const { spawn } = require('child_process')
const path = require('path')
const readline = require('readline')

const SERVER = path.join(__dirname, '..', 'server.js')
const AUTHORIZATION = 'AWS4-HMAC-SHA256 Credential=local/20240101/ap-south-1/dynamodb/aws4_request, ' +
  'SignedHeaders=host;x-amz-date;x-amz-target, Signature=0000'

/** Resolves to { port, child, call, createTable, stop } once the server printed "listening <port>". */
function startServer (args) {
  const child = spawn(process.execPath, [ SERVER, '--port', '0', '--createTableMs', '0' ].concat(args || []), {
    stdio: [ 'pipe', 'pipe', 'pipe' ],
  })
  let stderr = ''
  child.stderr.on('data', (chunk) => { stderr += chunk })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start: ' + stderr)), 10000)
    child.on('exit', (code) => reject(new Error('server exited with ' + code + ': ' + stderr)))
    readline.createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer)
      const match = /^listening (\d+)$/.exec(line)
      if (!match) return reject(new Error('unexpected first line: ' + line))
      const server = client(Number(match[1]))
      server.child = child
      server.stderr = () => stderr
      server.stop = () => stop(child)
      resolve(server)
    })
  })
}

function stop (child) {
  return new Promise((resolve) => {
    if (child.exitCode != null || child.signalCode != null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

function client (port) {
  async function call (operation, body) {
    const response = await fetch('http://127.0.0.1:' + port + '/', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.0',
        'X-Amz-Target': 'DynamoDB_20120810.' + operation,
        'X-Amz-Date': '20240101T000000Z',
        Authorization: AUTHORIZATION,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })
    const text = await response.text()
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null }
  }

  /** Calls and expects HTTP 200; returns the body. */
  async function ok (operation, body) {
    const result = await call(operation, body)
    if (result.status !== 200) throw new Error(operation + ' failed: ' + JSON.stringify(result.body))
    return result.body
  }

  /** Creates a table and waits until it is ACTIVE. */
  async function createTable (request) {
    await ok('CreateTable', Object.assign({ BillingMode: 'PAY_PER_REQUEST' }, request))
    for (let i = 0; i < 100; i++) {
      const { Table } = await ok('DescribeTable', { TableName: request.TableName })
      if (Table.TableStatus === 'ACTIVE') return Table
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    throw new Error('table ' + request.TableName + ' never became ACTIVE')
  }

  /** Creates a table with a string partition key "pk". */
  function createSimpleTable (tableName, extra) {
    return createTable(Object.assign({
      TableName: tableName,
      AttributeDefinitions: [ { AttributeName: 'pk', AttributeType: 'S' } ],
      KeySchema: [ { AttributeName: 'pk', KeyType: 'HASH' } ],
    }, extra))
  }

  async function getItem (tableName, pk) {
    const body = await ok('GetItem', { TableName: tableName, Key: { pk: { S: pk } }, ConsistentRead: true })
    return body.Item
  }

  return { port, call, ok, createTable, createSimpleTable, getItem }
}

/** The error name of a DynamoDB error body: "com.amazonaws.dynamodb.v20120810#Foo" -> "Foo". */
function errorName (body) {
  return body && body.__type ? body.__type.split('#')[1] : undefined
}

let counter = 0
/** A table name not used before in this process. */
function uniqueName (prefix) {
  counter++
  return (prefix || 't') + '-' + process.pid + '-' + counter
}

module.exports = { startServer, errorName, uniqueName }
