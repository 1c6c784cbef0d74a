'use strict'

// TransactGetItems as API_TransactGetItems describes it.

const { describe, it, before, after } = require('node:test')
const assert = require('node:assert/strict')
const { startServer, errorName, uniqueName } = require('./helpers')

const S = (value) => ({ S: value })
const N = (value) => ({ N: String(value) })

describe('TransactGetItems', () => {
  let server
  let table

  before(async () => {
    server = await startServer()
    table = uniqueName('catalogue')
    await server.createSimpleTable(table)
    await server.ok('PutItem', { TableName: table, Item: { pk: S('milk'), price: N(30), stock: N(5), tags: { L: [ S('dairy') ] } } })
    await server.ok('PutItem', { TableName: table, Item: { pk: S('curd'), price: N(40), stock: N(0) } })
    await server.ok('PutItem', { TableName: table, Item: { pk: S('large'), data: S('x'.repeat(5000)) } })
  })
  after(async () => { await server.stop() })

  const get = (pk, extra) => ({ Get: Object.assign({ TableName: table, Key: { pk: S(pk) } }, extra) })
  const transactGet = (items, extra) => server.call('TransactGetItems', Object.assign({ TransactItems: items }, extra))

  it('answers one response per Get, in request order, {} for a missing item', async () => {
    const result = await transactGet([ get('curd'), get('nothing'), get('milk') ])
    assert.equal(result.status, 200)
    assert.deepEqual(result.body, {
      Responses: [
        { Item: { pk: S('curd'), price: N(40), stock: N(0) } },
        {},
        { Item: { pk: S('milk'), price: N(30), stock: N(5), tags: { L: [ S('dairy') ] } } },
      ],
    })
  })

  it('applies a ProjectionExpression with attribute names', async () => {
    const result = await transactGet([ get('milk', { ProjectionExpression: '#p, tags[0]', ExpressionAttributeNames: { '#p': 'price' } }) ])
    assert.deepEqual(result.body.Responses, [ { Item: { price: N(30), tags: { L: [ S('dairy') ] } } } ])
  })

  it('charges 2 read units per 4 KB of each item, an absent item too', async () => {
    const result = await transactGet([ get('milk'), get('large'), get('nothing') ], { ReturnConsumedCapacity: 'TOTAL' })
    // milk: 2, large (5 KB -> 8 KB): 4, nothing: 2.
    assert.deepEqual(result.body.ConsumedCapacity, [ { TableName: table, CapacityUnits: 8, ReadCapacityUnits: 8 } ])
  })

  it('accepts 100 Gets and rejects 101', async () => {
    const hundred = Array.from({ length: 100 }, (_, i) => get('key-' + i))
    const ok = await transactGet(hundred)
    assert.equal(ok.status, 200)
    assert.equal(ok.body.Responses.length, 100)

    const result = await transactGet(hundred.concat([ get('key-100') ]))
    assert.equal(errorName(result.body), 'ValidationException')
    assert.match(result.body.message, /at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100$/)
  })

  it('rejects the same item twice', async () => {
    const result = await transactGet([ get('milk'), get('milk', { ProjectionExpression: 'price' }) ])
    assert.equal(errorName(result.body), 'ValidationException')
    assert.equal(result.body.message, 'Transaction request cannot include multiple operations on one item')
  })

  it('rejects an entry without Get, a key that does not match the schema, and a missing table', async () => {
    for (const entry of [ {}, null ]) {
      const noGet = await transactGet([ entry ])
      assert.equal(errorName(noGet.body), 'ValidationException')
      assert.match(noGet.body.message, /Value null at 'transactItems.1.member.get'/)
    }

    const wrongKey = await transactGet([ { Get: { TableName: table, Key: { id: S('milk') } } } ])
    assert.equal(errorName(wrongKey.body), 'ValidationException')
    assert.match(wrongKey.body.message, /The provided key element does not match the schema/)

    const missing = await transactGet([ { Get: { TableName: uniqueName('missing'), Key: { pk: S('milk') } } } ])
    assert.equal(errorName(missing.body), 'ResourceNotFoundException')
  })

  it('rejects items adding up to more than 4 MB', async () => {
    const big = uniqueName('big')
    await server.createSimpleTable(big)
    const blob = 'x'.repeat(390 * 1024)
    for (let i = 0; i < 11; i++) {
      await server.ok('PutItem', { TableName: big, Item: { pk: S('big-' + i), blob: S(blob) } })
    }
    const keys = Array.from({ length: 11 }, (_, i) => ({ Get: { TableName: big, Key: { pk: S('big-' + i) } } }))
    const result = await transactGet(keys)
    assert.equal(errorName(result.body), 'ValidationException')
    assert.match(result.body.message, /4 MB/)
    assert.equal((await transactGet(keys.slice(0, 10))).status, 200)
  })
})
