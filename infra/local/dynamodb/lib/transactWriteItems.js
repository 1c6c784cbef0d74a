'use strict'

// TransactWriteItems (API_TransactWriteItems): up to 100 ConditionCheck / Put / Update / Delete actions on
// distinct items, applied all or nothing.
//
// How it runs, holding the server's exclusive lock from the first read to the last write so that no other
// write (and no reader) can come in between:
//  1. validate the whole request (shape, expressions, key schemas, distinct items, 4 MB aggregate size):
//     a problem here is a ValidationException for the whole request and nothing is read;
//  2. ClientRequestToken: a replay of a recent successful request succeeds without running again;
//  3. read every target item and evaluate every ConditionExpression against it: if any is false, the
//     transaction is cancelled (TransactionCanceledException with one CancellationReason per action, in
//     order: ConditionalCheckFailed, with the item when ReturnValuesOnConditionCheckFailure=ALL_OLD, or None)
//     and nothing is written;
//  4. apply the writes through dynalite's PutItem / UpdateItem / DeleteItem. An update that cannot be applied
//     to the item as it is (operand of the wrong type, item growing past 400 KB, ...) cancels the transaction
//     with a ValidationError reason for that action; the writes already applied are undone by putting back
//     the items read in step 3, and so is everything on any other failure. All or nothing, either way.

const db = require('dynalite/db')
const { validateTransactWrite, MAX_TRANSACTION_BYTES } = require('./validation')
const { apiError, validationError, internalError, isValidationException } = require('./protocol')
const { keyOf } = require('./store')
const { locateItems } = require('./targets')
const capacity = require('./capacity')

/** context: { items: ItemStore, lock: ReadWriteMutex, tokens: IdempotencyTokens }. Resolves to the response body. */
async function transactWriteItems (context, body) {
  const { items, lock, tokens } = context
  const { data, actions, fingerprint } = validateTransactWrite(body, items.store)
  checkAggregateSize(actions)

  return lock.run('exclusive', async () => {
    const targets = await locateItems(items, actions, targetKey)

    const token = tokens.check(data.ClientRequestToken, fingerprint)
    if (token === 'mismatch') {
      throw apiError('IdempotentParameterMismatchException',
        'The request uses the same client token as a previous, but non-identical request.')
    }
    if (token === 'replay') return replayResponse(items, targets, data.ReturnConsumedCapacity)

    const oldItems = await Promise.all(targets.map((target) => items.read(target.request.TableName, target.key)))

    const reasons = targets.map((target, i) => conditionReason(target, oldItems[i]))
    if (reasons.some((reason) => reason.Code !== 'None')) throw cancelled(reasons)

    const newItems = await applyWrites(items, targets, oldItems)
    tokens.remember(data.ClientRequestToken, fingerprint)

    const response = {}
    const consumed = writeCapacity(data.ReturnConsumedCapacity, targets, oldItems, newItems)
    if (consumed) response.ConsumedCapacity = consumed
    return response
  })
}

// Checks the target's key (or, for a Put, the item's key attributes) against the table; an Update may not
// touch key attributes.
function targetKey (action, table) {
  const request = action.request
  if (action.kind === 'Put') {
    return { keyAttributes: keyOf(request.Item, table), invalid: db.validateItem(request.Item, table) }
  }
  const invalid = db.validateKey(request.Key, table) ||
    (action.kind === 'Update' ? db.validateUpdates(null, request._updates, table) : null)
  return { keyAttributes: request.Key, invalid }
}

function checkAggregateSize (actions) {
  let total = 0
  for (const { kind, request } of actions) {
    total += db.itemSize(kind === 'Put' ? request.Item : request.Key)
    if (request.ExpressionAttributeValues) total += db.itemSize(request.ExpressionAttributeValues)
  }
  if (total > MAX_TRANSACTION_BYTES) {
    throw validationError('Transaction request size exceeds the maximum allowed size: the aggregate size of the ' +
      'items in the transaction cannot exceed 4 MB')
  }
}

function conditionReason (target, oldItem) {
  const request = target.request
  if (!request._condition || !db.checkConditional(request, oldItem)) return { Code: 'None' }
  const reason = { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' }
  if (target.returnValuesOnConditionCheckFailure === 'ALL_OLD' && oldItem) reason.Item = oldItem
  return reason
}

function cancelled (reasons) {
  return apiError('TransactionCanceledException',
    'Transaction cancelled, please refer cancellation reasons for specific reasons [' +
      reasons.map((reason) => reason.Code).join(', ') + ']',
    { CancellationReasons: reasons })
}

// Applies the writes in request order; resolves to the items as they are afterwards (undefined once deleted).
async function applyWrites (items, targets, oldItems) {
  const newItems = []
  for (let i = 0; i < targets.length; i++) {
    try {
      newItems[i] = await applyWrite(items, targets[i], oldItems[i])
    }
    catch (err) {
      await undoWrites(items, targets.slice(0, i + 1), oldItems)
      if (isValidationException(err)) {
        throw cancelled(targets.map((_, j) => (j === i ? { Code: 'ValidationError', Message: err.body.message } : { Code: 'None' })))
      }
      throw internalError('Transaction rolled back after an internal error: ' + err.message)
    }
  }
  return newItems
}

async function applyWrite (items, { kind, request }, oldItem) {
  switch (kind) {
  case 'ConditionCheck':
    return oldItem
  case 'Put':
    await items.put(request.TableName, request.Item)
    return request.Item
  case 'Update':
    return items.update(request)
  case 'Delete':
    await items.delete(request.TableName, request.Key)
    return undefined
  }
}

async function undoWrites (items, targets, oldItems) {
  for (let i = targets.length - 1; i >= 0; i--) {
    const { kind, request, keyAttributes } = targets[i]
    if (kind === 'ConditionCheck') continue
    try {
      await items.restore(request.TableName, keyAttributes, oldItems[i])
    }
    catch (err) {
      throw internalError('Transaction could not be rolled back: ' + err.message)
    }
  }
}

function writeCapacity (mode, targets, oldItems, newItems) {
  const tally = new capacity.CapacityTally(mode)
  targets.forEach(({ kind, request, table }, i) => {
    if (kind === 'ConditionCheck') {
      tally.addRead(request.TableName, capacity.transactionalReadUnits(oldItems[i]))
      return
    }
    tally.addWrite(request.TableName, capacity.transactionalWriteUnits(oldItems[i], newItems[i]))
    for (const write of capacity.transactionalIndexWrites(table, oldItems[i], newItems[i])) {
      tally.addIndexWrite(request.TableName, write.type, write.name, write.units)
    }
  })
  return tally.toResponse()
}

// "Subsequent TransactWriteItems calls with the same client token return the number of read capacity units
// consumed in reading the item": a replay reads the items and writes nothing.
async function replayResponse (items, targets, mode) {
  const tally = new capacity.CapacityTally(mode)
  for (const target of targets) {
    const item = await items.read(target.request.TableName, target.key)
    tally.addRead(target.request.TableName, capacity.transactionalReadUnits(item))
  }
  const consumed = tally.toResponse()
  return consumed ? { ConsumedCapacity: consumed } : {}
}

module.exports = { transactWriteItems }
