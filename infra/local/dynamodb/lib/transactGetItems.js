'use strict'

// TransactGetItems (API_TransactGetItems): up to 100 Get actions on distinct items, read as one consistent
// snapshot. The reads run under the server's shared lock, which no write holds at the same time, so the
// snapshot never shows part of a TransactWriteItems (or of a BatchWriteItem).
//
// Responses has one entry per Get, in request order: {"Item": {...}} (projected by ProjectionExpression) when
// the item exists, {} when it does not. Items adding up to more than 4 MB fail the request.

const db = require('dynalite/db')
const { validateTransactGet, MAX_TRANSACTION_BYTES } = require('./validation')
const { validationError } = require('./protocol')
const { locateItems } = require('./targets')
const capacity = require('./capacity')

/** context: { items: ItemStore, lock: ReadWriteMutex }. Resolves to the response body. */
async function transactGetItems (context, body) {
  const { items, lock } = context
  const { data, gets } = validateTransactGet(body, items.store)

  return lock.run('shared', async () => {
    const targets = await locateItems(items, gets.map((request) => ({ request })), targetKey)
    const found = await Promise.all(targets.map((target) => items.read(target.request.TableName, target.key)))

    const totalSize = found.reduce((sum, item) => sum + (item ? db.itemSize(item) : 0), 0)
    if (totalSize > MAX_TRANSACTION_BYTES) {
      throw validationError('The aggregate size of the items in the transaction exceeded the maximum of 4 MB')
    }

    const tally = new capacity.CapacityTally(data.ReturnConsumedCapacity)
    const responses = targets.map(({ request }, i) => {
      tally.addRead(request.TableName, capacity.transactionalReadUnits(found[i]))
      if (!found[i]) return {}
      return { Item: request._projection ? db.mapPaths(request._projection.paths, found[i]) : found[i] }
    })

    const response = { Responses: responses }
    const consumed = tally.toResponse()
    if (consumed) response.ConsumedCapacity = consumed
    return response
  })
}

function targetKey ({ request }, table) {
  const invalid = db.validateKey(request.Key, table) ||
    db.validateKeyPaths((request._projection || {}).nestedPaths, table)
  return { keyAttributes: request.Key, invalid }
}

module.exports = { transactGetItems }
