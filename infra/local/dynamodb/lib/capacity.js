'use strict'

// ConsumedCapacity of the transaction operations, computed by formula (there is no throughput to measure here):
//  - a transactional write costs 2 write capacity units per KB of the item written, rounded up to the next KB,
//    taking the larger of the item before and after the write, and at least 1 KB (DynamoDB does two underlying
//    writes per item: prepare and commit);
//  - a transactional read (a TransactGetItems Get, or the read behind a ConditionCheck) costs 2 read capacity
//    units per 4 KB of the item, rounded up, at least 4 KB (an item that does not exist still costs one read);
//  - a write that changes a secondary index entry costs the same on the index: put or delete of the entry, or
//    both when the index key changed; nothing when the projected entry did not change.
// The answer is one ConsumedCapacity per table, in the order the tables first appear in the request:
// ReturnConsumedCapacity=TOTAL gives the totals, INDEXES adds the table and per-index breakdown.

const db = require('dynalite/db')

const TRANSACTIONAL_FACTOR = 2

function kilobytes (item) {
  return item ? Math.ceil(db.itemSize(item) / 1024) : 0
}

/** Write units of one transactional item write; oldItem and newItem may be missing (put of a new item, delete). */
function transactionalWriteUnits (oldItem, newItem) {
  return TRANSACTIONAL_FACTOR * Math.max(1, kilobytes(oldItem), kilobytes(newItem))
}

/** Read units of one transactional item read; item may be missing. */
function transactionalReadUnits (item) {
  const blocks = item ? Math.ceil(db.itemSize(item) / 4096) : 0
  return TRANSACTIONAL_FACTOR * Math.max(1, blocks)
}

/** The index entries a write changes, each as { type: 'Global' | 'Local', name, units }. */
function transactionalIndexWrites (table, oldItem, newItem) {
  const writes = []
  const kinds = [ [ 'Global', table.GlobalSecondaryIndexes ], [ 'Local', table.LocalSecondaryIndexes ] ]
  for (const [ type, indexes ] of kinds) {
    for (const index of indexes || []) {
      const before = indexEntry(index, table, oldItem)
      const after = indexEntry(index, table, newItem)
      let entryWrites = 0
      if (before && after) {
        if (indexKey(index, before) !== indexKey(index, after)) entryWrites = entryUnits(before) + entryUnits(after)
        else if (canonical(before) !== canonical(after)) entryWrites = Math.max(entryUnits(before), entryUnits(after))
      }
      else if (before || after) {
        entryWrites = entryUnits(before || after)
      }
      if (entryWrites) writes.push({ type, name: index.IndexName, units: TRANSACTIONAL_FACTOR * entryWrites })
    }
  }
  return writes
}

function entryUnits (entry) {
  return Math.max(1, kilobytes(entry))
}

// The item as the index stores it, or null when the item lacks one of the index key attributes (sparse index).
function indexEntry (index, table, item) {
  if (!item) return null
  const indexKeys = index.KeySchema.map((key) => key.AttributeName)
  if (!indexKeys.every((attr) => item[attr] != null)) return null
  if (index.Projection.ProjectionType === 'ALL') return item
  const attrs = indexKeys
    .concat(table.KeySchema.map((key) => key.AttributeName))
    .concat(index.Projection.NonKeyAttributes || [])
  const entry = {}
  for (const attr of attrs) {
    if (item[attr] != null) entry[attr] = item[attr]
  }
  return entry
}

function indexKey (index, entry) {
  return canonical(index.KeySchema.map((key) => entry[key.AttributeName]))
}

function canonical (value) {
  if (Array.isArray(value)) return '[' + value.map(canonical).join(',') + ']'
  if (value && typeof value === 'object') {
    return '{' + Object.keys(value).sort().map((key) => JSON.stringify(key) + ':' + canonical(value[key])).join(',') + '}'
  }
  return JSON.stringify(value)
}

/** Adds up capacity per table (and per index) and renders the ConsumedCapacity list of the response. */
class CapacityTally {
  /** mode: the request's ReturnConsumedCapacity. */
  constructor (mode) {
    this.enabled = mode === 'TOTAL' || mode === 'INDEXES'
    this.withIndexes = mode === 'INDEXES'
    this.tables = new Map()
  }

  tableFor (tableName) {
    if (!this.tables.has(tableName)) {
      this.tables.set(tableName, { read: 0, write: 0, indexes: { Global: new Map(), Local: new Map() } })
    }
    return this.tables.get(tableName)
  }

  addRead (tableName, units) {
    this.tableFor(tableName).read += units
  }

  addWrite (tableName, units) {
    this.tableFor(tableName).write += units
  }

  addIndexWrite (tableName, type, indexName, units) {
    const indexes = this.tableFor(tableName).indexes[type]
    indexes.set(indexName, (indexes.get(indexName) || 0) + units)
  }

  /** The ConsumedCapacity list, or undefined when the request did not ask for it. */
  toResponse () {
    if (!this.enabled) return undefined
    return [ ...this.tables.entries() ].map(([ tableName, usage ]) => {
      let indexWrite = 0
      for (const type of [ 'Global', 'Local' ]) {
        for (const units of usage.indexes[type].values()) indexWrite += units
      }
      const consumed = Object.assign({ TableName: tableName }, units(usage.read, usage.write + indexWrite))
      if (this.withIndexes) {
        consumed.Table = units(usage.read, usage.write)
        for (const type of [ 'Global', 'Local' ]) {
          if (!usage.indexes[type].size) continue
          consumed[type + 'SecondaryIndexes'] = {}
          for (const [ name, write ] of usage.indexes[type]) {
            consumed[type + 'SecondaryIndexes'][name] = units(0, write)
          }
        }
      }
      return consumed
    })
  }
}

function units (read, write) {
  const result = { CapacityUnits: read + write }
  if (read) result.ReadCapacityUnits = read
  if (write) result.WriteCapacityUnits = write
  return result
}

module.exports = {
  CapacityTally,
  transactionalWriteUnits,
  transactionalReadUnits,
  transactionalIndexWrites,
}
