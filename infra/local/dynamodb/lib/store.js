'use strict'

// Promise-based access to dynalite's store for the transactions. Reads go straight to the item database the
// way dynalite's GetItem does; writes go through dynalite's own PutItem / UpdateItem / DeleteItem actions, so
// item encoding, secondary index maintenance and update-expression semantics are exactly dynalite's.

const putItem = require('dynalite/actions/putItem')
const updateItem = require('dynalite/actions/updateItem')
const deleteItem = require('dynalite/actions/deleteItem')
const { fromDynalite } = require('./protocol')

function call (action, store, data) {
  return new Promise((resolve, reject) => {
    action(store, data, (err, result) => (err ? reject(fromDynalite(err)) : resolve(result)))
  })
}

class ItemStore {
  constructor (store) {
    this.store = store
  }

  /** The table's description; rejects with ResourceNotFoundException when it does not exist (or is not ACTIVE yet). */
  table (tableName) {
    return new Promise((resolve, reject) => {
      this.store.getTable(tableName, true, (err, table) => (err ? reject(fromDynalite(err)) : resolve(table)))
    })
  }

  /** The item stored under the key string db.createKey made, or undefined. */
  read (tableName, key) {
    return new Promise((resolve, reject) => {
      this.store.getItemDb(tableName).get(key, (err, item) => {
        if (err && err.name !== 'NotFoundError') return reject(err)
        resolve(err ? undefined : item)
      })
    })
  }

  put (tableName, item) {
    return call(putItem, this.store, { TableName: tableName, Item: item })
  }

  /** Applies a parsed UpdateExpression (request._updates) and resolves to the item as it is afterwards. */
  async update (request) {
    const result = await call(updateItem, this.store, {
      TableName: request.TableName,
      Key: request.Key,
      _updates: request._updates,
      ReturnValues: 'ALL_NEW',
    })
    return result.Attributes
  }

  delete (tableName, key) {
    return call(deleteItem, this.store, { TableName: tableName, Key: key })
  }

  /** Puts back what was stored under key before: the old item, or nothing. */
  restore (tableName, keyAttributes, oldItem) {
    return oldItem ? this.put(tableName, oldItem) : this.delete(tableName, keyAttributes)
  }
}

/** The key attributes of an item, as a Key map. */
function keyOf (item, table) {
  const key = {}
  for (const { AttributeName } of table.KeySchema) key[AttributeName] = item[AttributeName]
  return key
}

module.exports = { ItemStore, keyOf }
