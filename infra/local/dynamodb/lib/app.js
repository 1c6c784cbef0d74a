'use strict'

// The HTTP server: dynalite, plus TransactWriteItems and TransactGetItems, plus one reader/writer lock in
// front of both so that transactions are serializable with every other operation.
//
// Requests are routed on the X-Amz-Target header alone, before their body is read, so everything that is
// not a transaction reaches dynalite's own request handler untouched (body, signature checks, errors).

const http = require('http')
const dynalite = require('dynalite')
const dynaliteDb = require('dynalite/db')
const { ReadWriteMutex } = require('./mutex')
const { IdempotencyTokens } = require('./idempotency')
const { ItemStore } = require('./store')
const { transactWriteItems } = require('./transactWriteItems')
const { transactGetItems } = require('./transactGetItems')
const protocol = require('./protocol')

// Which side of the lock each dynalite operation takes. Operations not listed (DescribeTable, ListTables,
// tags, TTL, unknown targets) read only table metadata and take no lock.
const LOCK_MODES = {
  PutItem: 'exclusive',
  UpdateItem: 'exclusive',
  DeleteItem: 'exclusive',
  BatchWriteItem: 'exclusive',
  CreateTable: 'exclusive',
  UpdateTable: 'exclusive',
  DeleteTable: 'exclusive',
  GetItem: 'shared',
  BatchGetItem: 'shared',
  Query: 'shared',
  Scan: 'shared',
}

const TRANSACTIONS = {
  TransactWriteItems: transactWriteItems,
  TransactGetItems: transactGetItems,
}

/**
 * Creates the server (not yet listening), its data in memory. options: dynalite's createTableMs,
 * deleteTableMs, updateTableMs and maxItemSizeKb, plus idempotencyWindowMs, how long a ClientRequestToken is
 * remembered.
 */
function createServer (options) {
  options = options || {}
  const { handler: dynaliteHandler, store } = startDynalite(options)
  const context = {
    items: new ItemStore(store),
    lock: new ReadWriteMutex(),
    tokens: new IdempotencyTokens(options.idempotencyWindowMs),
  }

  return http.createServer((req, res) => {
    const operation = protocol.operationOf(req)
    if (TRANSACTIONS[operation]) return handleTransaction(TRANSACTIONS[operation], context, req, res)
    const mode = LOCK_MODES[operation]
    if (!mode) return dynaliteHandler(req, res)
    // The lock is held until the response is sent, or the client goes away (even while still waiting for it).
    let release = null
    let closed = false
    res.once('close', () => {
      closed = true
      if (release) release()
    })
    context.lock.acquire(mode).then((granted) => {
      release = granted
      if (closed) return release()
      res.once('finish', release)
      try {
        dynaliteHandler(req, res)
      }
      catch (err) {
        release()
        protocol.send(req, res, 500, protocol.internalError(String(err && err.message)).body)
      }
    })
  })
}

async function handleTransaction (operation, context, req, res) {
  try {
    const body = await protocol.readRequest(req, res)
    protocol.send(req, res, 200, await operation(context, body))
  }
  catch (err) {
    const apiError = protocol.fromDynalite(err)
    if (apiError instanceof protocol.ApiError) return protocol.send(req, res, apiError.statusCode, apiError.body)
    console.error(err)
    protocol.send(req, res, 500, protocol.internalError(String(err && err.message)).body)
  }
}

// dynalite keeps its store inside the closure of its request handler; the transactions need the very same
// store, so it is caught as dynalite creates it.
function startDynalite (options) {
  const createStore = dynaliteDb.create
  let store
  dynaliteDb.create = (storeOptions) => (store = createStore(storeOptions))
  let server
  try {
    server = dynalite(options)
  }
  finally {
    dynaliteDb.create = createStore
  }
  return { handler: server.listeners('request')[0], store }
}

module.exports = { createServer }
