'use strict'

// Finds the item each transaction action targets: its table, its key checked against the table's key schema,
// and the rule of API_TransactWriteItems / API_TransactGetItems that the actions target distinct items
// ("Transaction request cannot include multiple operations on one item").

const db = require('dynalite/db')
const { validationError, fromDynalite } = require('./protocol')

/**
 * actions: objects with a request (TableName plus Key or Item). keyAttributesOf(action, table) returns
 * { keyAttributes, invalid }: the Key map of the target item, or a dynalite validation error.
 * Resolves to the actions extended with { table, key, keyAttributes }, in order; rejects with
 * ResourceNotFoundException or ValidationException.
 */
async function locateItems (itemStore, actions, keyAttributesOf) {
  const tables = new Map()
  const seen = new Set()
  const located = []
  for (const action of actions) {
    const tableName = action.request.TableName
    if (!tables.has(tableName)) tables.set(tableName, await itemStore.table(tableName))
    const table = tables.get(tableName)
    const { keyAttributes, invalid } = keyAttributesOf(action, table)
    if (invalid) throw fromDynalite(invalid)
    const key = db.createKey(keyAttributes, table)
    const itemId = tableName + '/' + key
    if (seen.has(itemId)) throw validationError('Transaction request cannot include multiple operations on one item')
    seen.add(itemId)
    located.push(Object.assign({}, action, { table, key, keyAttributes }))
  }
  return located
}

module.exports = { locateItems }
